// People and places on pages of any outlet: listings, credit lines and posts run into
// names. Made-up articles, each written to fail without the mechanism it tests.
import { describe, expect, it } from 'vitest';
import { processArticle } from './helpers/process.ts';
import { checkAgainstContext, type Candidate } from '../pipeline/03-tag/candidates.ts';

const namesOf = (body: string, title?: string) => processArticle(body, title).entities.map((e) => `${e.type}:${e.name}`);
const ofType = (type: string, body: string) => namesOf(body).filter((n) => n.startsWith(`${type}:`)).map((n) => n.slice(type.length + 1));

describe('towns written with a postal code', () => {
  it('reads each town and code of a list of tour dates as places, none as a person or an organisation', () => {
    const body = 'The band will tour next summer.\n\nJune 9 – Tampa, FL @ Gulf Amphitheatre\n\nJune 12 – Charlotte, NC @ Harbour Music Pavilion\n\nJune 14 – Tinley Park, IL @ Lakeside Arena\n\nJuly 2 – Toronto, ON @ Budweiser Stage';
    const names = namesOf(body);
    expect(names.filter((n) => n.startsWith('place:')).sort()).toEqual(['place:Charlotte', 'place:FL', 'place:IL', 'place:NC', 'place:ON', 'place:Tampa', 'place:Tinley Park', 'place:Toronto']);
    expect(names.filter((n) => n.startsWith('person:'))).toEqual([]);
  });

  it('takes a code and its state for one place, and leaves a person with a title and their state a person', () => {
    expect(namesOf('The tour starts in Florida. June 10 – Tampa, FL @ the arena.').sort()).toEqual(['place:Florida', 'place:Tampa']);
    expect(processArticle('The tour starts in Florida. June 10 – Tampa, FL @ the arena.').entities.find((e) => e.name === 'Florida')?.aliases).toContain('FL');
    expect(ofType('person', 'Rep. Jim Jordan, OH, said so on Monday.')).toEqual(['Jim Jordan']);
    expect(ofType('place', 'Rep. Jim Jordan, OH, said so on Monday.')).toEqual(['OH']);
  });
});

describe('posts run into a name', () => {
  it('reads a credit line that joins each post to a name with an underscore as the names, without the posts', () => {
    const body = 'The cast and crew were announced.\n\nChoreographer_Han Mi Rae, Director_Yoon Seok Jin, Writer_Baek Ji Won, Composer_Moon Tae Il, Art Director_Seo Jun Ho';
    const people = ofType('person', body);
    expect(people).toEqual(expect.arrayContaining(['Yoon Seok Jin', 'Baek Ji Won', 'Moon Tae Il']));
    expect(people.filter((p) => /_|Director|Composer|Writer/.test(p))).toEqual([]);
  });

  it('cleans an underscore before a capitalised word to a space, and leaves an identifier whole', () => {
    expect(processArticle('Director_Oh Kyeong Taek and the user_id field.').text).toContain('Director Oh Kyeong Taek and the user_id field.');
  });

  it('leaves a team and a position written before a player out of the player\'s name', () => {
    expect(ofType('person', 'Browns DL Sheldon Richardson said the team was ready.')).toEqual(['Sheldon Richardson']);
  });
});

describe('venues and institutions are no people', () => {
  it('reads a name that ends as a centre\'s as no person, however it was read', () => {
    const names = namesOf('The tech conference was held on the grounds of Denver\'s Halloran Center, where the founder once spoke.');
    expect(names.filter((n) => n.startsWith('person:'))).toEqual([]);
    expect(names).toContain('organisation:Halloran Center');
  });
});

describe('words that name no one', () => {
  it('reads no person into a name masked with asterisks, nor a place into a unit written after a number', () => {
    expect(namesOf('“Great fun for the whole family!” – Rosa***\n\n“We loved the dancers.” – Kev**')).toEqual([]);
    expect(namesOf('The tablet with 256GB of storage costs $900 in the US.')).toEqual(['place:US']);
  });

  it('reads the site\'s name after the bar of a headline as an organisation, not a person', () => {
    const doc = processArticle('The United Nations criticised the decision on Monday.', 'Nations Lash Out Over Settlements Ruling | Al Wasat');
    expect(doc.entities.filter((e) => e.type === 'person')).toEqual([]);
  });
});

describe('one person under two forms of the given name', () => {
  it('joins a short given name to the full one with the same surname, and keeps two given names apart', () => {
    const people = ofType('person', 'Patrick Dunmore, 55, was charged on Monday. "Pat Dunmore is passionate about politics," his lawyer said. Bill Crane and William Crane agree. Chris Moss and Christine Moss disagree.');
    expect(people.sort()).toEqual(['Chris Moss', 'Christine Moss', 'Patrick Dunmore', 'William Crane']);
  });
});

describe('romanised Korean and Chinese names, and places named by their kind', () => {
  it('reads a surname and a given name of two syllables joined by a hyphen as a person ("Cheuk Hau-yip")', () => {
    expect(ofType('person', 'Wong Chi-fai, the head of the district team, said the roads would reopen.')).toEqual(['Wong Chi-fai']);
    expect(ofType('person', 'Investors cheered the Hong Kong-based lender and its Kong-led rivals.')).toEqual([]);
  });

  it('reads a name before "district" or "province" as a place', () => {
    expect(ofType('place', 'The commander of Tsuen Wan West district said so.')).toEqual(['Tsuen Wan West']);
  });
});

describe('names read against the words around them', () => {
  it('reads no place into a work dated by its year\'s possessive ("1972\'s Toulouse Street")', () => {
    expect(ofType('place', 'The band played songs from 1974\'s Harbour Lane and toured Ohio.')).toEqual(['Ohio']);
  });

  it('reads an institution named after a person, or ending in "Hospital", as an organisation, not a person or a place', () => {
    const names = namesOf('The senator was taken to Edith Harlow hospital on Friday. A nurse at Linwei Hospital in Shanghai said so.');
    expect(names.filter((n) => n.startsWith('person:') || n === 'place:Linwei Hospital')).toEqual([]);
  });

  it('reads a name after a post and "at" as the body the post is held at, not a person', () => {
    expect(namesOf('Dana Roe, equity strategist at Walker Tabor, says the stock is risky.').sort()).toEqual(['organisation:Walker Tabor', 'person:Dana Roe']);
  });

  it('reads two places joined by a hyphen as two places, and keeps a country so written whole', () => {
    const text = 'Officials at the Canada-Mexico border met in Guinea-Bissau.';
    const place = (name: string): Candidate => ({ start: text.indexOf(name), end: text.indexOf(name) + name.length, text: name, name, type: 'place', rule: 'ner:loc' });
    const found = [place('Canada-Mexico'), place('Guinea-Bissau')];
    checkAgainstContext(text, found, undefined);
    expect(found.map((c) => `${text.slice(c.start, c.end)}=${c.name}`).sort()).toEqual(['Canada=Canada', 'Guinea-Bissau=Guinea-Bissau', 'Mexico=Mexico']);
    expect(ofType('place', text)).toContain('Guinea-Bissau');
  });
});

describe('Chinese and Korean names written surname first', () => {
  it('reads a name the tagger takes for a body as a person when it is a surname and a given name', () => {
    const text = 'The envoy Zhao Jianming met Wang Laboratories and Kim Jong-un.';
    const body = (name: string): Candidate => ({ start: text.indexOf(name), end: text.indexOf(name) + name.length, text: name, name, type: 'organisation', rule: 'ner:org' });
    const found = [body('Zhao Jianming'), body('Wang Laboratories'), body('Kim Jong-un')];
    checkAgainstContext(text, found, undefined);
    expect(found.map((c) => `${c.type}:${c.name}`)).toEqual(['person:Zhao Jianming', 'organisation:Wang Laboratories', 'person:Kim Jong-un']);
  });
});

describe('a middle initial inside a name', () => {
  it('keeps the surname after a middle initial when the surname is also a plural noun ("Gerald T. Summers")', () => {
    expect(ofType('person', 'Her adviser, Gerald T. Summers, agreed.')).toEqual(['Gerald T. Summers']);
  });
});

describe('titles of US state and city legislators', () => {
  it('leaves "Assemblywoman" and "Councilman" out of the person\'s name, in a headline as in the text', () => {
    const doc = processArticle('Assemblywoman Rita Calloway won the primary on Tuesday. Calloway thanked Councilman Ed Pruitt.', 'Underdog conservative Assemblywoman Rita Calloway defeats rival');
    expect(doc.entities.filter((e) => e.type === 'person').map((e) => e.name).sort()).toEqual(['Ed Pruitt', 'Rita Calloway']);
  });
});
