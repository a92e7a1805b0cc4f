// The tagger's gazetteers: coverage of well-known names, clean entries, and
// no name that the tagger would read two ways unless it is listed as such.
import { describe, expect, it } from 'vitest';
import { AMBIGUOUS_PLACE_NAMES, PLACE_ADJECTIVES, PLACE_NAMES } from '../pipeline/03-tag/lexicons/places.ts';
import {
  AMBIGUOUS_ORGANISATION_ACRONYMS,
  AMBIGUOUS_ORGANISATION_NAMES,
  ORGANISATION_GENERIC_ALIASES,
  ORGANISATION_HEAD_WORDS,
  ORGANISATION_KINDS,
  ORGANISATION_NAMES,
} from '../pipeline/03-tag/lexicons/organisations.ts';
import {
  FIRST_NAMES,
  PERSON_SUFFIXES,
  PERSON_TITLE_PHRASES,
  PERSON_TITLES,
  AMBIGUOUS_TITLES,
  ROLE_MODIFIERS,
  ROLE_WORDS,
} from '../pipeline/03-tag/lexicons/people.ts';
import { readFileSync } from 'node:fs';
import { buildAll, buildCities, fold, outputPath } from '../scripts/build-gazetteers.ts';

/** Every organisation name and alias → the canonical names it stands for. */
const orgNames = new Map<string, string[]>();
for (const [name, aliases] of ORGANISATION_NAMES) {
  for (const n of [name, ...aliases]) orgNames.set(n, [...(orgNames.get(n) ?? []), name]);
}

function badEntries(entries: Iterable<string>): string[] {
  return [...entries].filter((e) => e.length === 0 || e !== e.trim() || /\s{2,}|[\t\n]/.test(e));
}

describe('places', () => {
  it('has countries, regions and UK local areas', () => {
    for (const name of [
      'United States', 'US', 'USA', 'America', 'UK', 'Britain', 'Great Britain', 'Netherlands', 'France', 'Ivory Coast',
      'Europe', 'Middle East', 'Asia', 'Latin America', 'Scandinavia', 'Texas', 'Ontario', 'Queensland',
      'Scotland', 'Northern Ireland', 'North East', 'West Midlands', 'South West', 'East Anglia', 'Teesside',
      'Merseyside', 'Tyneside', 'Northumberland', 'Yorkshire', 'Middlesex', 'North East Lincolnshire', 'Solihull',
      'Torbay', 'Sandwell', 'Camden', 'Islington', 'Bexley', 'Blackburn with Darwen', 'Darlington', 'Middlesbrough',
      'Fife', 'Rhondda Cynon Taf', 'Fermanagh and Omagh', 'Tendring', 'County Cork', 'Co Antrim', 'Galway',
    ]) expect(PLACE_NAMES.has(name), name).toBe(true);
  });

  it('has UK towns and world cities, including those from the generated list', () => {
    for (const name of [
      'London', 'Bath', 'Reading', 'Stoke-on-Trent', 'Stoke on Trent', 'St Helens', 'Saint Helens', 'Kirkcaldy',
      'Aberystwyth', 'Paris', 'Cologne', 'Kiev', 'Kyiv', 'Mumbai', 'Bombay', 'Sao Paulo', 'São Paulo', 'Davos',
      'Fallujah', 'Guadalajara', 'Chittagong', 'Novosibirsk', 'Wroclaw', 'Wrocław',
    ]) expect(PLACE_NAMES.has(name), name).toBe(true);
  });

  it('leaves out names that are words, people or companies first', () => {
    for (const name of ['Down', 'Amazon', 'Toyota', 'Batman', 'Van', 'Sector 3', 'the Netherlands']) {
      expect(PLACE_NAMES.has(name), name).toBe(false);
    }
  });

  it('marks names that need context, all of them places', () => {
    for (const name of ['Bath', 'Reading', 'Jersey', 'Chester', 'Jackson', 'Lincoln', 'Washington', 'Victoria', 'Florence', 'Nice']) {
      expect(AMBIGUOUS_PLACE_NAMES.has(name), name).toBe(true);
    }
    expect(AMBIGUOUS_PLACE_NAMES.has('Paris')).toBe(false);
    expect(AMBIGUOUS_PLACE_NAMES.has('London')).toBe(false);
    expect(AMBIGUOUS_PLACE_NAMES.has('Midlands')).toBe(false);
    expect([...AMBIGUOUS_PLACE_NAMES].filter((n) => !PLACE_NAMES.has(n))).toEqual([]);
  });

  it('maps demonyms to places in the gazetteer', () => {
    expect(PLACE_ADJECTIVES.get('British')).toBe('UK');
    expect(PLACE_ADJECTIVES.get('American')).toBe('US');
    expect(PLACE_ADJECTIVES.get('French')).toBe('France');
    expect(PLACE_ADJECTIVES.get('Dutch')).toBe('Netherlands');
    expect([...PLACE_ADJECTIVES.values()].filter((p) => !PLACE_NAMES.has(p))).toEqual([]);
    // a demonym is not itself a place, except where English uses one word for both
    const sameWord = new Set(['Baltic', 'Caribbean', 'Mediterranean']);
    expect([...PLACE_ADJECTIVES.keys()].filter((d) => PLACE_NAMES.has(d) && !sameWord.has(d))).toEqual([]);
  });

  it('has clean entries and a sensible size', () => {
    expect(badEntries(PLACE_NAMES)).toEqual([]);
    expect(badEntries(PLACE_ADJECTIVES.keys())).toEqual([]);
    expect(PLACE_NAMES.size).toBeGreaterThan(3000);
    expect(PLACE_ADJECTIVES.size).toBeGreaterThan(150);
  });
});

describe('organisations', () => {
  it('has UK public bodies, parties, international bodies, unions, media and companies', () => {
    const expected: Array<[string, string[]]> = [
      ['Department of Health', ['DH']],
      ['Ministry of Defence', ['MoD']],
      ['Financial Services Authority', ['FSA']],
      ['Office of Fair Trading', ['OFT']],
      ['Commission for Social Care Inspection', ['CSCI']],
      ['NHS', ['National Health Service']],
      ['Labour Party', ['Labour']],
      ['Conservative Party', ['Conservatives', 'Tories', 'Tory party']],
      ['Liberal Democrats', ['Lib Dems']],
      ['Republican Party', ['Republicans', 'GOP']],
      ['Federal Reserve', ['Fed']],
      ['United Nations', ['UN']],
      ['European Union', ['EU']],
      ['Nato', ['NATO']],
      ['World Health Organization', ['WHO']],
      ['Trades Union Congress', ['TUC']],
      ['Royal College of Nursing', []],
      ['BBC', []],
      ['Associated Press', []],
      ['GlaxoSmithKline', ['Glaxo']],
      ['Marks & Spencer', ['M&S']],
      ['Manchester United', []],
      ['Football Association', ['FA']],
      ['England and Wales Cricket Board', ['ECB']],
    ];
    for (const [name, aliases] of expected) {
      expect(ORGANISATION_NAMES.has(name), name).toBe(true);
      for (const alias of aliases) expect(ORGANISATION_NAMES.get(name), `${name}: ${alias}`).toContain(alias);
    }
    for (const name of ['Home Office', 'Treasury', 'Ofcom', 'Ofsted', 'Ofgem', 'Ofwat', 'Bank of England', 'Audit Commission',
      'Congress', 'Pentagon', 'White House', 'FBI', 'CIA', 'IMF', 'World Bank', 'Opec', 'Fifa', 'Uefa', 'IOC', 'Unison',
      'Unite', 'GMB', 'RMT', 'BMA', 'NUT', 'ITV', 'Channel 4', 'Sky', 'Reuters', 'Google', 'Microsoft', 'Apple', 'Sony',
      'Nintendo', 'Yahoo', 'AOL', 'Time Warner', 'BP', 'Shell', 'HSBC', 'Barclays', 'Tesco', "Sainsbury's", 'Vodafone',
      'BT', 'Virgin', 'EMI', 'Universal Music', 'Warner Bros', 'Disney', 'Boeing', 'Airbus', 'Ryanair', 'easyJet',
      'British Airways', 'Chelsea FC', 'Arsenal', 'RFU', 'IAAF', 'SNP', 'Plaid Cymru', 'UKIP', 'DUP', 'Sinn Fein']) {
      expect(orgNames.has(name), name).toBe(true);
    }
  });

  it('gives no alias to two organisations and no bare place name as an organisation', () => {
    expect([...orgNames].filter(([, canonical]) => canonical.length > 1)).toEqual([]);
    // Deliberate overlaps would be listed here; there are none: clubs named after a town are keyed "X FC".
    const deliberate = new Set<string>();
    expect([...orgNames.keys()].filter((n) => PLACE_NAMES.has(n) && !deliberate.has(n))).toEqual([]);
    for (const town of ['Liverpool', 'Chelsea', 'Reading', 'Newcastle', 'Halifax', 'Nice']) expect(orgNames.has(town), town).toBe(false);
  });

  it('keeps ambiguous acronyms out unless one sense dominates, and flags ambiguous names that are in the lexicon', () => {
    const allowed = new Set(['BA', 'ECB', 'FSA', 'HSE', 'SAS']);
    expect([...AMBIGUOUS_ORGANISATION_ACRONYMS].filter((a) => orgNames.has(a) && !allowed.has(a))).toEqual([]);
    expect([...AMBIGUOUS_ORGANISATION_NAMES].filter((n) => !orgNames.has(n))).toEqual([]);
    expect(AMBIGUOUS_ORGANISATION_NAMES.has('Ford')).toBe(true);
  });

  it('has head words and generic aliases keyed by head word', () => {
    for (const w of ['Council', 'Trust', 'Commission', 'Department', 'Party', 'plc', 'Ltd', 'Inc', 'FC', 'University', 'PCT', 'BC']) {
      expect(ORGANISATION_HEAD_WORDS.has(w), w).toBe(true);
    }
    expect(ORGANISATION_GENERIC_ALIASES.get('Council')).toEqual(['the council', 'the local authority', 'the authority']);
    expect(ORGANISATION_GENERIC_ALIASES.get('plc')).toContain('the firm');
    expect(ORGANISATION_GENERIC_ALIASES.get('Club')).toContain('the club');
    expect([...ORGANISATION_GENERIC_ALIASES.keys()].filter((k) => !ORGANISATION_HEAD_WORDS.has(k))).toEqual([]);
    // phrases are used inside regular expressions by the resolver
    for (const phrases of ORGANISATION_GENERIC_ALIASES.values()) {
      for (const p of phrases) expect(p, p).toMatch(/^[a-z]+( [a-z]+)*$/);
    }
  });

  it('gives every organisation a kind that has generic aliases', () => {
    expect([...ORGANISATION_NAMES.keys()].filter((n) => !ORGANISATION_KINDS.has(n))).toEqual([]);
    expect([...new Set(ORGANISATION_KINDS.values())].filter((k) => !ORGANISATION_GENERIC_ALIASES.has(k))).toEqual([]);
    expect(ORGANISATION_KINDS.get('Google')).toBe('Company');
    expect(ORGANISATION_KINDS.get('Ofcom')).toBe('Regulator');
  });

  it('has clean entries and a sensible size', () => {
    expect(badEntries(orgNames.keys())).toEqual([]);
    expect(badEntries(ORGANISATION_HEAD_WORDS)).toEqual([]);
    expect(ORGANISATION_NAMES.size).toBeGreaterThan(600);
    const companies = [...ORGANISATION_KINDS.values()].filter((k) => ['Company', 'Bank', 'Motors', 'Airlines'].includes(k));
    expect(companies.length).toBeGreaterThan(300);
    expect(ORGANISATION_HEAD_WORDS.size).toBeGreaterThan(80);
  });
});

describe('people', () => {
  it('has titles, title phrases and post-nominals', () => {
    for (const t of ['Mr', 'Mrs', 'Ms', 'Dr', 'Sir', 'Dame', 'Lord', 'Baroness', 'Cllr', 'Councillor', 'Prof', 'Rev', 'President',
      'Chancellor', 'Senator', 'Sen', 'Gov', 'Judge', 'King', 'Pope', 'Archbishop', 'Gen', 'Captain', 'DCI', 'Vice-President']) {
      expect(PERSON_TITLES.has(t), t).toBe(true);
    }
    for (const t of ['Prime Minister', 'Detective Inspector', 'Chief Executive', 'Foreign Secretary']) expect(PERSON_TITLE_PHRASES.has(t), t).toBe(true);
    expect([...PERSON_TITLES].filter((t) => t.includes(' '))).toEqual([]);
    expect([...PERSON_TITLE_PHRASES].filter((t) => !t.includes(' '))).toEqual([]);
    expect(PERSON_SUFFIXES.has('MP')).toBe(true);
    // Ambiguous titles are titles first: the list only says when they need more evidence.
    expect([...AMBIGUOUS_TITLES].filter((t) => !PERSON_TITLES.has(t))).toEqual([]);
  });

  it('has common given names, English and international, without place names or titles', () => {
    for (const n of ['Tony', 'Gordon', 'Margaret', 'Hillary', 'Mohammed', 'Vladimir', 'Jacques', 'Siobhan', 'Charlotte', 'Will']) {
      expect(FIRST_NAMES.has(n), n).toBe(true);
    }
    for (const n of ['York', 'Sheffield', 'Leicester', 'Welsh', 'Royal', 'Major', 'Earl', 'Crystal', 'Pearl']) {
      expect(FIRST_NAMES.has(n), n).toBe(false);
    }
    expect([...FIRST_NAMES].filter((n) => PERSON_TITLES.has(n))).toEqual([]);
    expect(badEntries(FIRST_NAMES)).toEqual([]);
    expect(FIRST_NAMES.size).toBeGreaterThan(5000);
  });

  it('has role words: lower-case words and upper-case acronyms', () => {
    for (const w of ['chairman', 'chief', 'executive', 'director', 'spokesman', 'spokeswoman', 'minister', 'leader', 'councillor',
      'mayor', 'editor', 'striker', 'MP', 'MEP']) {
      expect(ROLE_WORDS.has(w), w).toBe(true);
    }
    expect([...ROLE_WORDS].filter((w) => w !== w.toLowerCase() && w !== w.toUpperCase())).toEqual([]);
    expect(ROLE_WORDS.has('am')).toBe(false);
    expect(ROLE_MODIFIERS.has('acting')).toBe(true);
    expect(ROLE_WORDS.size).toBeGreaterThan(150);
  });
});

describe('build-gazetteers', () => {
  it('folds accents and keeps both forms, filters by population and drops city sections', () => {
    expect(fold('São Paulo')).toBe('Sao Paulo');
    expect(fold('Xi’an')).toBe("Xi'an");
    expect(fold('Łódź')).toBe('Lodz');
    const built = buildCities([
      { name: 'São Paulo', country: 'BR', featureCode: 'PPLA', population: 10_000_000 },
      { name: 'Smallville', country: 'US', featureCode: 'PPL', population: 50_000 },
      { name: 'Vaduz', country: 'LI', featureCode: 'PPLC', population: 5_000 },
      { name: 'Sector 3', country: 'RO', featureCode: 'PPLX', population: 400_000 },
      { name: 'Brooklyn', country: 'US', featureCode: 'PPLX', population: 2_000_000 },
      { name: 'Kendal', country: 'GB', featureCode: 'PPL', population: 28_000 },
      { name: 'Tiny', country: 'GB', featureCode: 'PPL', population: 1_000 },
      { name: 'Ennis', country: 'IE', featureCode: 'PPL', population: 25_000 },
    ]);
    expect(built.worldCities).toEqual(['Sao Paulo', 'São Paulo', 'Vaduz']);
    expect(built.ukTowns).toEqual(['Kendal']);
    expect(built.irishTowns).toEqual(['Ennis']);
  });

  it('generated the JSON files from the installed packages (run scripts/build-gazetteers.ts after changing it)', () => {
    for (const [file, text] of buildAll()) expect(readFileSync(outputPath(file), 'utf8') === text, file).toBe(true);
  });
});
