// Entities: recognition and resolution within an article (one row per real-world thing), and roles.
import { describe, expect, it } from 'vitest';
import type { EntityType } from '../src/model.ts';
import { processArticle } from './helpers/process.ts';
import { namesNoEntity } from '../pipeline/03-tag/candidates.ts';

const entitiesOf = (body: string, type?: EntityType) =>
  processArticle(body)
    .entities.filter((e) => !type || e.type === type)
    .map((e) => ({ type: e.type, name: e.name, aliases: [...e.aliases].sort() }));

describe('recognition', () => {
  it('finds organisations, places and people in a UK public-sector article', () => {
    const body = 'Blackburn with Darwen Council is to merge with its local primary care trust. Care trusts exist in Northumberland, North East Lincolnshire, Solihull and Torbay. Cllr Michael Lee, leader of the council, said so.';
    const names = entitiesOf(body).map((e) => `${e.type}:${e.name}`);
    expect(names).toEqual(expect.arrayContaining(['organisation:Blackburn with Darwen Council', 'place:Northumberland', 'place:North East Lincolnshire', 'place:Solihull', 'place:Torbay', 'person:Michael Lee']));
  });

  it('reads a county named as its club in a report of games as an organisation, and as a place elsewhere', () => {
    const report = 'Phil Simmons took four for 38 on Friday as Leicestershire beat Somerset by an innings and 39 runs. Somerset, set 213, were bowled out for 174. Scores: Somerset 83 and 174 (P. Simmons 4-38), Leicestershire 296.';
    expect(entitiesOf(report, 'organisation').map((e) => e.name).sort()).toEqual(['Leicestershire', 'Somerset']);
    const news = 'Leicestershire County Council said the roads in Leicestershire and Somerset would close on Friday.';
    expect(entitiesOf(news, 'place').map((e) => e.name).sort()).toEqual(['Leicestershire', 'Somerset']);
  });

  it("ends the tagger's name at its last capitalised word ('a former Yale historian')", () => {
    expect(entitiesOf('The case is backed by David Kahn - a former Yale historian, and an expert on codes.').map((e) => `${e.type}:${e.name}`).sort()).toEqual(['organisation:Yale', 'person:David Kahn']);
  });

  it('keeps a lone word the tagger and the gazetteer both read as a place a place ("Manhattan")', () => {
    const places = entitiesOf('Manhattan landlords are nervous. Critics say Manhattan has never been so divided, and Manhattan will vote soon.', 'place').map((e) => e.name);
    expect(places).toEqual(['Manhattan']);
  });

  it('keeps a lone word written once that the tagger and the gazetteer both read as a place ("Nevada Democrat Lucy Flores")', () => {
    const places = entitiesOf('Zephyr Teachout, a New York congressional candidate, won her primary. Nevada Democrat Lucy Flores, his top recipient, lost hers.', 'place').map((e) => e.name);
    expect(places.sort()).toEqual(['Nevada', 'New York']);
  });

  it('keeps a lone word written once that the tagger is sure of as a place or a body, but not one inside a longer name', () => {
    expect(entitiesOf('Sherbatov said the rebels were located about three km east of Tavildara around the village of Layron.', 'place').map((e) => e.name)).toEqual(['Tavildara']);
    expect(entitiesOf("China's second largest telecoms operator Unicom already has a mandate from the central government.", 'organisation').map((e) => e.name)).toEqual(['Unicom']);
    expect(entitiesOf('He used his State of the Union address this year to call out his rivals.', 'organisation')).toEqual([]);
    expect(entitiesOf('Prices rose, figures indicate. Tim Crawford, Group Economist at the lender, said so.', 'organisation')).toEqual([]);
  });

  it('reads a lone given name the tagger calls a person as the person named in full, not as an organisation ("Steven" after "Steven Gerrard")', () => {
    const entities = entitiesOf('Liverpool captain Steven Gerrard scored twice on Saturday. Steven has been in fine form, and Benitez said Steven would stay at the club.');
    expect(entities.filter((e) => e.type === 'organisation')).toEqual([]);
    expect(entities.find((e) => e.name === 'Steven Gerrard')?.aliases).toEqual(['Steven']);
  });

  it('does not make a plural noun opening the sentence part of the name it is of ("Bosses of Deutsche Bank"), but keeps known names ("Friends of the Earth")', () => {
    const names = entitiesOf('Bosses of Deutsche Bank met investors on Monday. Friends of the Earth said the plan was wrong.', 'organisation').map((e) => e.name);
    expect(names.sort()).toEqual(['Deutsche Bank', 'Friends of the Earth']);
  });

  it('reads company names that end in a trade as organisations ("Tyson Foods", "Asahi Breweries")', () => {
    const names = entitiesOf('Shares in Tyson Foods and Asahi Breweries fell on Monday.', 'organisation').map((e) => e.name);
    expect(names.sort()).toEqual(['Asahi Breweries', 'Tyson Foods']);
  });

  it('reads no name in a law or a treaty ("Human Rights" in "the European Convention on Human Rights")', () => {
    expect(entitiesOf('The ruling breached the European Convention on Human Rights, the judges said. The Freedom of Information Act applies.')).toEqual([]);
  });

  it('takes a party, not "Labour MP", from a post after the party', () => {
    const names = entitiesOf('But Mr Balls, a prospective Labour MP, said he was confident. Labour MP Tony Banks disagreed.', 'organisation').map((e) => e.name);
    expect(names).toEqual(['Labour']);
  });

  it('takes no pronoun with a verb for a name ("I\'m", "It\'s", "Don\'t"), but keeps a possessive name ("McDonald\'s")', () => {
    expect(["I'm", 'It’s', "We've", "Don't"].filter((name) => !namesNoEntity(name))).toEqual([]);
    expect(namesNoEntity("McDonald's")).toBe(false);
  });

  it('takes no faith or people of a nationality for an organisation ("Muslim leaders", "Kashmiris"), but keeps a country named in the plural ("Philippines")', () => {
    const entities = entitiesOf('Muslim leaders met the minister on Monday. Muslims in Leicester said the law was unfair, and Muslim groups agreed.').map((e) => `${e.type}:${e.name}`);
    expect(entities).toEqual(['place:Leicester']);
    expect(['Kashmiris', 'Americans', 'Sikhs'].filter((name) => !namesNoEntity(name))).toEqual([]);
    expect(namesNoEntity('Philippines')).toBe(false);
  });

  it('reads an institution named after a saint whole ("St Enoch\'s Shopping Centre", "St Mary\'s Hospital")', () => {
    const names = entitiesOf("Jon Walton of St Enoch's Shopping Centre said footfall was up. Staff at St Mary's Hospital were praised.", 'organisation').map((e) => e.name);
    expect(names.sort()).toEqual(["St Enoch's Shopping Centre", "St Mary's Hospital"]);
  });

  it('reads a national body after a country written as an abbreviation ("the UK government"), but not "a US court"', () => {
    const names = entitiesOf('The UK government said the plan would go ahead. A US court injunction barred the sale, and the US bankruptcy court in Houston heard the claim.', 'organisation').map((e) => e.name);
    expect(names.sort()).toEqual(['UK government', 'US bankruptcy court']);
  });

  it('does not open a name with a lower-case connector ("On the New York Stock Exchange, ...")', () => {
    const names = entitiesOf('On the New York Stock Exchange, shares in Elan fell. On the International Monetary Fund board, views differ.', 'organisation').map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(['New York Stock Exchange', 'International Monetary Fund']));
    expect(names.filter((n) => /^the /.test(n))).toEqual([]);
  });

  it('keeps a known name with "of" in it whole in a list ("the Gulf of Mexico and Angola")', () => {
    const names = entitiesOf('The company found oil in Egypt, the Gulf of Mexico and Angola.', 'place').map((e) => e.name);
    expect([...names].sort()).toEqual(['Angola', 'Egypt', 'Gulf of Mexico']);
  });

  it('splits places joined by "and" but keeps a name that contains it', () => {
    const names = entitiesOf('Care trusts work in Camden and Islington. The Health and Safety Executive agreed.').map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(['Camden', 'Islington', 'Health and Safety Executive']));
  });

  it('keeps a title the tokeniser splits ("Director-General") whole in the mention', () => {
    const doc = processArticle("The BBC's Director-General Greg Dyke said so. Mr Dyke left.");
    const mentions = doc.mentions.filter((m) => m.type === 'person').map((m) => [m.text, m.title]);
    expect(mentions).toContainEqual(['Director-General Greg Dyke', 'Director-General']);
    expect(mentions.some(([text]) => text === 'General Greg Dyke')).toBe(false);
  });

  it('leaves a name found in a title to the rules ("US Treasury" in "US Treasury Secretary John Snow")', () => {
    const people = entitiesOf('The comments come after US Treasury Secretary John Snow said a strong dollar mattered. Mr Snow spoke.', 'person');
    expect(people.map((p) => p.name)).toEqual(['John Snow']);
  });

  it('reads a kind of body written before a name, and a head word with what the body is for', () => {
    const body = 'The brothers may sell retailer Littlewoods. Aid charity Actionaid criticised the plan at the Commission for Africa.';
    expect(entitiesOf(body, 'organisation').map((o) => o.name)).toEqual(expect.arrayContaining(['Littlewoods', 'Actionaid', 'Commission for Africa']));
  });

  it('does not take a person after such a word, or a person and where they work, for one body', () => {
    const body = 'The founder of the CGA consultancy Jeanne-Marie Gescher agreed. Among them is Mark Bailin of Rymer International Seafood.';
    expect(entitiesOf(body, 'person').map((p) => p.name)).toEqual(expect.arrayContaining(['Jeanne-Marie Gescher', 'Mark Bailin']));
    expect(entitiesOf(body, 'organisation').map((o) => o.name)).toEqual(expect.arrayContaining(['Rymer International Seafood']));
  });

  it('does not take a title that is also an ordinary word, or a post with no one named, for a person', () => {
    const body = 'General Motors said sales fell. The Justice Department said it would act. The show moved to the Prince Edward Theatre. Jon Miller, Chief Executive of AOL UK, said so.';
    expect(entitiesOf(body, 'person').map((p) => p.name)).toEqual(['Jon Miller']);
    expect(entitiesOf(body, 'organisation').map((o) => o.name)).toEqual(expect.arrayContaining(['General Motors', 'Justice Department', 'Prince Edward Theatre', 'AOL UK']));
  });

  it('still reads such a title before a given name, or where the tagger finds a person', () => {
    const people = entitiesOf('King Abdullah visited Paris. General Musharraf met reporters, and General Musharraf said he was confident.', 'person');
    expect(people).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'Abdullah' }), expect.objectContaining({ name: 'Musharraf' })]));
  });

  it('reads hyphenated names whole and a capitalised "The" as part of a title', () => {
    const names = entitiesOf('Robert Kilroy-Silk left the party. He wrote for The Times.').map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(['Robert Kilroy-Silk']));
    expect(names.some((n) => /Times/.test(n))).toBe(true);
  });

  it('does not take months, sentence openers or nationalities for names', () => {
    const names = entitiesOf('Should this happen in May and June, British officials will act.').map((e) => e.name);
    expect(names).not.toEqual(expect.arrayContaining(['May']));
    expect(names).not.toContain('Should');
    expect(names).not.toContain('British');
  });
});

describe('what is not an entity', () => {
  it('takes laws and treaties for neither organisations nor places', () => {
    const names = entitiesOf('MPs debated the Prevention of Terrorism Bill on Monday. Critics said the Human Rights Act and the Maastricht Treaty were ignored by the Home Office.').map((e) => e.name);
    expect(names).toContain('Home Office');
    expect(names.filter((n) => /Bill|Act|Treaty/.test(n))).toEqual([]);
  });

  it('does not take a work the tagger reads as one for an organisation because of its "The"', () => {
    const names = entitiesOf("Successes such as Celebrity Big Brother and The Da Vinci Code have lifted Channel 4's share.").map((e) => e.name);
    expect(names.filter((n) => /Vinci|Brother/.test(n))).toEqual([]);
  });

  it('does not take the title of a work for an entity, but reads a name after it', () => {
    const body = 'Oscar hopefuls include the comedy Meet The Fockers, the song Jailhouse Rock and the biopic Ray and Mike Leigh\'s drama Vera Drake.';
    const names = entitiesOf(body).map((e) => e.name);
    expect(names.filter((n) => /Fockers|Jailhouse|Vera Drake|^Ray$/.test(n))).toEqual([]);
    expect(names).toContain('Mike Leigh');
  });

  it('does not take awards for organisations or people', () => {
    const names = entitiesOf('The film won an Oscar and two Golden Globes. Another Oscar went to its star, and The Academy Awards follow.').map((e) => e.name);
    expect(names.filter((n) => /Oscar|Globe|Academy Awards/.test(n))).toEqual([]);
    const orgs = entitiesOf('She won at the Screen Actors Guild Awards, and the Screen Actors Guild said so. Analysts at Forrester Research agreed.', 'organisation').map((e) => e.name);
    expect(orgs).toEqual(expect.arrayContaining(['Screen Actors Guild', 'Forrester Research']));
    expect(orgs.filter((n) => /Awards/.test(n))).toEqual([]);
  });

  it('does not take technology abbreviations or plural abbreviations for organisations', () => {
    const names = entitiesOf('Sales of PDAs and HDTV sets rose, and more TVs now play RSS feeds over GPRS. Shares in ARM Holdings rose as BT gained.', 'organisation').map((e) => e.name);
    expect(names.filter((n) => ['PDAs', 'HDTV', 'TVs', 'RSS', 'GPRS'].includes(n))).toEqual([]);
    expect(names).toEqual(expect.arrayContaining(['BT']));
    expect(entitiesOf('Tune in at 9 p.m. EST for the IG report on FOIA requests, which a super PAC paid for. The FBI said so.', 'organisation').map((e) => e.name)).toEqual(['FBI']);
  });

  it('does not take a known abbreviation after a post for an organisation', () => {
    const names = entitiesOf("The charity's head of HIV/Aids in Britain, Simon Wright, spoke. The director of IT at Acme Widgets Ltd agreed.").map((e) => e.name);
    expect(names).not.toContain('HIV');
    expect(names).not.toContain('IT');
    expect(names).toEqual(expect.arrayContaining(['Simon Wright']));
  });
});

describe('resolution within an article', () => {
  it('makes one person of full name, surname and "Mr" surname', () => {
    const people = entitiesOf('Gordon Brown spoke first. Mr Brown said taxes would rise. Brown later left.', 'person');
    expect(people).toEqual([{ type: 'person', name: 'Gordon Brown', aliases: ['Brown', 'Mr Brown'] }]);
  });

  it('makes one company of its name with and without what kind of body it is', () => {
    const orgs = entitiesOf('RSA Security sold the unit. Analysts said RSA would grow.', 'organisation');
    expect(orgs).toEqual([{ type: 'organisation', name: 'RSA Security', aliases: ['RSA'] }]);
  });

  it('keeps a body apart from its channels, products and regional arms', () => {
    const names = entitiesOf('The BBC said BBC News would cover it. Microsoft said Microsoft IE had lost users. Nintendo said Nintendo Europe would sell it.', 'organisation').map((o) => o.name);
    expect(names).toEqual(expect.arrayContaining(['BBC', 'BBC News', 'Microsoft', 'Microsoft IE', 'Nintendo', 'Nintendo Europe']));
  });

  it('makes one council of its full name, short name and "the council"', () => {
    const orgs = entitiesOf('Blackburn with Darwen Borough Council met. Blackburn with Darwen Council agreed, and the council voted.', 'organisation');
    expect(orgs).toHaveLength(1);
    expect(orgs[0].name).toBe('Blackburn with Darwen Borough Council');
    expect(orgs[0].aliases).toEqual(expect.arrayContaining(['Blackburn with Darwen Council', 'the council']));
  });

  it('links an acronym to its spelled-out form', () => {
    const orgs = entitiesOf('The council and PCT agreed. Its local primary care trust will merge.', 'organisation');
    const pct = orgs.find((o) => o.name === 'PCT')!;
    expect(pct.aliases).toContain('primary care trust');
  });

  it('makes one party of "Labour" and "the Labour Party", named as the article names it', () => {
    const orgs = entitiesOf('Labour won the vote. The Labour Party said it was pleased.', 'organisation');
    expect(orgs).toHaveLength(1);
    expect(orgs[0].name).toBe('Labour Party');
  });

  it('makes one country of "Britain" and "the UK"', () => {
    expect(entitiesOf('Britain voted. Shops in the UK were busy.', 'place')).toHaveLength(1);
  });
});

describe('roles', () => {
  const rolesOf = (body: string) => processArticle(body).entities.filter((e) => e.type === 'person' && e.role).map((e) => [e.name, e.role, e.organisation]);

  it.each([
    ['apposition', 'Cllr Michael Lee, leader of the council, met Blackburn with Darwen Borough Council staff.', ['Michael Lee', 'leader of the council', 'Blackburn with Darwen Borough Council']],
    ['apposition naming the body', 'Sir Bill Taylor, chair of the Care Trust Plus Board, said so.', ['Bill Taylor', 'chair of the Care Trust Plus Board', 'Care Trust Plus Board']],
    ['premodifier with the organisation', 'Darlington BC social services director Colin Morris said so.', ['Colin Morris', 'social services director', 'Darlington BC']],
    ['premodifier with "of"', 'Middlesbrough BC corporate director of social services Glenys Jones said so.', ['Glenys Jones', 'corporate director of social services', 'Middlesbrough BC']],
    ['a party and a post', 'Tory co-chairman Liam Fox opened the conference.', ['Liam Fox', 'co-chairman', 'Tory']],
    ['a post that is a title', 'Chancellor Gordon Brown spoke.', ['Gordon Brown', 'Chancellor', '']],
    ['the body after "of"', 'Niels Brinkman, co-founder of OneStat.com, said so.', ['Niels Brinkman', 'co-founder of OneStat.com', 'OneStat.com']],
    ['a post set off by a comma before a name in commas', 'The Tory finance spokesman, Brian Monteith MSP, said so.', ['Brian Monteith', 'finance spokesman', 'Tory']],
    ['without whose post it is when that is not a body named', "The film's director, Marc Forster, said so. Its lawyer Hugh Ray agreed.", ['Marc Forster', 'director', '']],
    ['apposition cut at a relative clause', 'Oleg Gordievsky, a senior KGB officer who became a secret agent, said so.', ['Oleg Gordievsky', 'senior KGB officer', 'KGB']],
    ['apposition after a dash', 'The case is backed by David Kahn - a former Yale historian, and an expert on codes.', ['David Kahn', 'former Yale historian', 'Yale']],
    ['"who is now" and the post after the organisation\'s possessive', 'He was joined by Damien Hockney, who is now the Veritas Party\'s deputy leader.', ['Damien Hockney', 'deputy leader', 'Veritas Party']],
    ['apposition naming whom the post serves', 'Gareth Peirce, lawyer for Mr Begg, said so.', ['Gareth Peirce', 'lawyer for Mr Begg', '']],
    // The tokeniser splits these titles into pieces: they are matched on the text.
    ['a hyphenated post after its organisation', "The BBC's Director-General Greg Dyke said so.", ['Greg Dyke', 'Director-General', 'BBC']],
    ['a post with a possessive in it', "Children's Commissioner Anne Longfield said so.", ['Anne Longfield', "Children's Commissioner", '']],
    ['a post with words after its role word', 'Chief Secretary to the Treasury Paul Boateng said so.', ['Paul Boateng', 'Chief Secretary to the Treasury', '']],
    ['a courtesy title after the post', 'On Tuesday, Deputy Prime Minister Mr Prescott told MPs.', ['Prescott', 'Deputy Prime Minister', '']],
    ['a modifier before the post', 'Shadow Education Secretary Tim Collins said so.', ['Tim Collins', 'Shadow Education Secretary', '']],
  ])('%s', (_what, body, expected) => {
    expect(rolesOf(body)).toContainEqual(expected);
  });

  it('gives no one a post from a clause or a phrase with a preposition after the name', () => {
    const body = 'Liverpool struggled without Djimi Traore, but the Reds reached half-time without any scares. The show was made by John Wyver, from TV producer Illuminations.';
    expect(rolesOf(body)).toEqual([]);
  });

  it('gives no one a post from a phrase that names other people', () => {
    const body = 'The judges included Trevor McDonald - actor Hugh Grant and writer Joanne Harris will decide the winner.';
    expect(rolesOf(body).filter(([name]) => name === 'Trevor McDonald')).toEqual([]);
  });
});
