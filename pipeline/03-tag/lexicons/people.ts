// People lexicons: personal titles written before a name, given names, words
// after a name (post-nominals), and the words that make up job titles and posts.
//
// first-names.json is built by scripts/build-gazetteers.ts from the stdlib
// English given-name datasets; the international names below come on top.

import generated from './first-names.json' with { type: 'json' };
import { PLACE_NAMES } from './places.ts';

// ---------------------------------------------------------------------------
// Titles
// ---------------------------------------------------------------------------

/**
 * Single-word titles written before a name, as tokens (without a trailing
 * full stop): "Mr", "Cllr", "Sen", "Det", "Vice-President".
 */
export const PERSON_TITLES: ReadonlySet<string> = new Set([
  // courtesy titles
  'Dr', 'Miss', 'Mr', 'Mrs', 'Ms', 'Mx', 'Prof', 'Professor',
  // honours and peerage
  'Baron', 'Baroness', 'Countess', 'Dame', 'Duchess', 'Duke', 'Earl', 'Lady', 'Lord', 'Marchioness', 'Marquess', 'Sir',
  'Viscount', 'Viscountess',
  // royalty and rulers
  'Emir', 'Emperor', 'Empress', 'King', 'Prince', 'Princess', 'Queen', 'Sheikh', 'Shaikh', 'Sultan', 'Tsar',
  // religion
  'Archbishop', 'Ayatollah', 'Bishop', 'Cardinal', 'Father', 'Fr', 'Imam', 'Mullah', 'Pastor', 'Pope', 'Rabbi',
  'Rev', 'Revd', 'Reverend',
  // politics and public office
  'Alderman', 'Alderwoman', 'Ambassador', 'Assemblyman', 'Assemblymember', 'Assemblywoman', 'Chancellor', 'Cllr', 'Congressman',
  'Congresswoman', 'Councillor', 'Councilman', 'Councilmember', 'Councilwoman', 'Gov', 'Governor',
  'Hon', 'Mayor', 'President', 'Rep', 'Sen', 'Senator',
  // hyphenated posts, one token each
  'Director-General', 'Governor-General', 'President-elect', 'Secretary-General', 'Vice-President',
  // law
  'Judge', 'Justice',
  // police
  'DC', 'DCI', 'DI', 'DS', 'DSupt', 'Det', 'Detective', 'Insp', 'Inspector', 'PC', 'PCSO', 'Sgt', 'Supt',
  'Superintendent',
  // armed forces
  'Adm', 'Admiral', 'Brig', 'Brigadier', 'Capt', 'Captain', 'Cdr', 'Cmdr', 'Col', 'Colonel', 'Commander', 'Commodore',
  'Corporal', 'Cpl', 'Gen', 'General', 'Lieutenant', 'Lt', 'Maj', 'Major', 'Marshal', 'Pte', 'Sergeant', 'Sgt',
]);

/** Words for relatives and partners, written before a person's given name: "his daughter Jill", "wife Cherie". */
export const KINSHIP_WORDS: ReadonlySet<string> = new Set([
  'aunt', 'boyfriend', 'brother', 'cousin', 'daughter', 'father', 'fiance', 'fiancee', 'girlfriend', 'granddaughter',
  'grandfather', 'grandmother', 'grandson', 'husband', 'mother', 'nephew', 'niece', 'partner', 'sister', 'son', 'uncle',
  'widow', 'widower', 'wife',
]);

/**
 * Titles that are also ordinary words or begin other names ("General Motors",
 * "General Election", "King Kong", "PC Pro", "Justice Department"): before a
 * name that is not a given name and more, they are not taken for a title by
 * themselves; the statistical tagger decides ("General Musharraf").
 */
export const AMBIGUOUS_TITLES: ReadonlySet<string> = new Set([
  'Captain', 'Commodore', 'DC', 'DI', 'DS', 'Father', 'General', 'Justice', 'King', 'Major', 'Marshal', 'PC', 'Queen',
]);

/** Multiword titles and posts written before a name: "Prime Minister Tony Blair". */
export const PERSON_TITLE_PHRASES: ReadonlySet<string> = new Set([
  // UK government
  'Attorney General', 'Business Secretary', 'Chancellor of the Exchequer', 'Chief Secretary to the Treasury',
  'Chief Whip', 'Culture Secretary', 'Defence Secretary', 'Deputy First Minister', 'Deputy Prime Minister',
  'Education Secretary', 'Environment Secretary', 'First Minister', 'Foreign Secretary', 'Health Secretary',
  'Home Secretary', 'Housing Minister', 'Justice Secretary', 'Leader of the House', 'Leader of the Opposition',
  'Lord Chancellor', 'Northern Ireland Secretary', 'Prime Minister', 'Schools Minister', 'Scottish Secretary',
  'Secretary of State', 'Shadow Chancellor', 'Shadow Foreign Secretary', 'Shadow Health Secretary',
  'Shadow Home Secretary', 'Solicitor General', 'Trade Secretary', 'Transport Secretary', 'Welsh Secretary',
  'Work and Pensions Secretary',
  // other governments and international posts
  'Commission President', 'Defence Minister', 'Defense Secretary', 'EU Commissioner', 'European Commissioner',
  'Finance Minister', 'Foreign Minister', 'Governor General', 'High Commissioner', 'House Speaker',
  'Chief of Staff', 'Interior Minister', 'Majority Leader', 'Minority Leader', 'Secretary General',
  'Secretary of Defense', 'Senate Majority Leader', 'Speaker of the House', 'Treasury Secretary',
  'UN Secretary-General', 'Vice President',
  // US posts
  'Agriculture Secretary', 'Commerce Secretary', 'Energy Secretary', 'First Lady', 'Homeland Security Secretary',
  'House Majority Leader', 'House Majority Whip', 'House Minority Leader', 'House Minority Whip', 'Interior Secretary',
  'Labor Secretary', 'Lieutenant Governor', 'Majority Whip', 'Minority Whip', 'National Security Adviser',
  'National Security Advisor', 'Press Secretary', 'Senate Majority Whip', 'Senate Minority Leader', 'Senate Minority Whip',
  'Surgeon General', 'White House Press Secretary',
  // local government and public officers
  "Children's Commissioner", 'Chief Executive', 'Chief Fire Officer', 'Chief Inspector of Schools',
  'Chief Medical Officer', 'Chief Nursing Officer', 'Chief Scientific Adviser', 'Director General',
  'Information Commissioner', 'Lady Mayoress', 'Lord Lieutenant', 'Lord Mayor', 'Lord Provost', 'Mayor of London',
  'Police and Crime Commissioner',
  // law
  'Chief Justice', 'Lord Chief Justice', 'Lord Justice', 'Mr Justice', 'Mrs Justice', 'Ms Justice',
  // police
  'Assistant Chief Constable', 'Chief Constable', 'Chief Inspector', 'Chief Superintendent', 'Deputy Chief Constable',
  'Det Ch Insp', 'Det Ch Supt', 'Det Con', 'Det Insp', 'Det Sgt', 'Det Supt', 'Detective Chief Inspector',
  'Detective Chief Superintendent', 'Detective Constable', 'Detective Inspector', 'Detective Sergeant',
  'Detective Superintendent', 'Police Constable', 'Police Sergeant',
  // armed forces
  'Air Chief Marshal', 'Air Marshal', 'Air Vice-Marshal', 'Brigadier General', 'Field Marshal', 'Flight Lieutenant',
  'Group Captain', 'Lance Corporal', 'Lance Cpl', 'Lieutenant Colonel', 'Lieutenant General', 'Lt Col', 'Lt Gen',
  'Maj Gen', 'Major General', 'Rear Admiral', 'Second Lieutenant', 'Sergeant Major', 'Squadron Leader',
  'Staff Sergeant', 'Vice Admiral', 'Wing Commander',
  // religion and royalty
  'Archbishop of Canterbury', 'Archbishop of York', 'Chief Rabbi', 'Crown Prince', 'Duke of Edinburgh',
  'Most Rev', 'Prince of Wales', 'Princess Royal', 'Queen Mother', 'Right Reverend', 'Rt Rev', 'Very Rev',
  // forms of address
  'Right Honourable', 'Rt Hon', 'The Hon',
]);

/** Words written after a name: "Tony Blair MP", "John Smith Jr", "Jane Doe OBE". */
export const PERSON_SUFFIXES: ReadonlySet<string> = new Set([
  'AM', 'CBE', 'DBE', 'Esq', 'FRS', 'II', 'III', 'IV', 'Jnr', 'Jr', 'KBE', 'KC', 'MBE', 'MEP', 'MLA', 'MP', 'MSP',
  'OBE', 'PhD', 'QC', 'Snr', 'Sr', 'TD',
]);

// ---------------------------------------------------------------------------
// Given names
// ---------------------------------------------------------------------------

/** Common English given names the datasets lack (of the first hundred in US censuses: these two). */
const ENGLISH_FIRST_NAMES_THE_DATASETS_LACK = ['Donald', 'Walter'];

/** Given names from outside the English-language datasets, by origin. */
const INTERNATIONAL_FIRST_NAMES = [
  // Arabic, Persian and Turkish
  'Abdel', 'Abdul', 'Abdullah', 'Abu', 'Ahmad', 'Ahmed', 'Ali', 'Amr', 'Anwar', 'Ayman', 'Bashar', 'Fatima', 'Hamid',
  'Hassan', 'Hosni', 'Hussein', 'Ibrahim', 'Jalal', 'Karim', 'Khaled', 'Khalid', 'Leila', 'Mahmoud', 'Mohamed',
  'Mohammad', 'Mohammed', 'Muammar', 'Muhammad', 'Mustafa', 'Nasser', 'Nouri', 'Omar', 'Osama', 'Rafik', 'Recep',
  'Saddam', 'Saeed', 'Salman', 'Tariq', 'Walid', 'Yasser', 'Youssef', 'Yusuf',
  // South Asian
  'Amitabh', 'Amit', 'Anil', 'Arun', 'Ashok', 'Atal', 'Benazir', 'Deepak', 'Imran', 'Kapil', 'Lakshmi', 'Manmohan',
  'Narendra', 'Nawaz', 'Pervez', 'Priya', 'Rahul', 'Rajiv', 'Ratan', 'Ravi', 'Sachin', 'Sajid', 'Sanjay', 'Shahid',
  'Shoaib', 'Sonia', 'Sunil', 'Vijay', 'Yousuf',
  // East Asian
  'Hiroshi', 'Junichiro', 'Kenji', 'Masayoshi', 'Shinzo', 'Takeshi', 'Taro', 'Yoko', 'Yoshiro',
  // Slavic and Eastern European
  'Alexei', 'Anatoly', 'Boris', 'Dmitri', 'Dmitry', 'Gennady', 'Igor', 'Leonid', 'Mikhail', 'Nikolai', 'Oleg', 'Roman',
  'Sergei', 'Sergey', 'Slobodan', 'Vaclav', 'Viktor', 'Vladimir', 'Vladislav', 'Volodymyr', 'Yulia', 'Yuri', 'Yury',
  'Zoran',
  // Western European
  'Angela', 'Arsene', 'Arsène', 'Bjorn', 'Dominique', 'Francois', 'François', 'Gerhard', 'Giuseppe', 'Goran', 'Helmut',
  'Jacques', 'Javier', 'Jens', 'Joschka', 'Jose', 'José', 'Jurgen', 'Jürgen', 'Lionel', 'Luciano', 'Luis', 'Nicolas',
  'Pedro', 'Pierre', 'Romano', 'Segolene', 'Ségolène', 'Silvio', 'Sven', 'Thierry', 'Wolfgang', 'Zinedine',
  // African
  'Jacob', 'Kofi', 'Kwame', 'Olusegun', 'Thabo', 'Yoweri',
  // Irish, Scottish and Welsh
  'Aoife', 'Bertie', 'Ciaran', 'Dafydd', 'Eamon', 'Eamonn', 'Enda', 'Ieuan', 'Mairead', 'Micheal', 'Niamh', 'Padraig',
  'Rhodri', 'Seamus', 'Sean', 'Siobhan',
];

/**
 * Chinese and Korean surnames, written before the given name ("Liu Xiaming", "Kim Jong-un"), that
 * are no English word ("He", "Ma", "Song", "Park", "Moon" are left out).
 */
export const EAST_ASIAN_SURNAMES: ReadonlySet<string> = new Set([
  'Cai', 'Cao', 'Chen', 'Cheng', 'Cheung', 'Deng', 'Ding', 'Dong', 'Feng', 'Guo', 'Huang', 'Jiang', 'Leung', 'Liang', 'Lin',
  'Liu', 'Luo', 'Peng', 'Qian', 'Qin', 'Shen', 'Tian', 'Wang', 'Wei', 'Xi', 'Xiao', 'Xie', 'Xu', 'Xue', 'Yang', 'Yao',
  'Yuan', 'Zeng', 'Zhang', 'Zhao', 'Zheng', 'Zhou', 'Zhu',
  'Kim', 'Choi', 'Jung', 'Yoon', 'Kwon', 'Hwang', 'Ahn', 'Jeon', 'Jeong', 'Baek', 'Shin', 'Seo', 'Cho',
]);

/**
 * Place names that are also common given names: kept in FIRST_NAMES although
 * they are in PLACE_NAMES. Every other place name is left out of FIRST_NAMES,
 * so that "York Minster" or "Sheffield Wednesday" is not read as a person.
 */
const PLACES_THAT_ARE_ALSO_FIRST_NAMES = new Set([
  'Adelaide', 'Alexandria', 'Angus', 'Arun', 'Augusta', 'Aurora', 'Austin', 'Barry', 'Beverley', 'Brent', 'Brooklyn',
  'Chad', 'Charlotte', 'Chelsea', 'Dallas', 'Douglas', 'Dudley', 'Florence', 'Georgia', 'Helena', 'India', 'Irvine',
  'Jordan', 'Kerry', 'Leigh', 'Madison', 'Nelson', 'Orlando', 'Paris', 'Preston', 'Shannon', 'Sofia', 'Stanley',
  'Stirling', 'Sydney', 'Tyrone', 'Victoria', 'Virginia', 'Warwick',
]);

export const FIRST_NAMES: ReadonlySet<string> = new Set(
  [...generated.names, ...ENGLISH_FIRST_NAMES_THE_DATASETS_LACK, ...INTERNATIONAL_FIRST_NAMES].filter(
    (n) => !PERSON_TITLES.has(n) && (!PLACE_NAMES.has(n) || PLACES_THAT_ARE_ALSO_FIRST_NAMES.has(n)),
  ),
);

// ---------------------------------------------------------------------------
// Job titles and posts
// ---------------------------------------------------------------------------

/**
 * Words that make up job titles and posts: "chief executive", "health
 * spokesman", "Labour MP". Words are lower-case; acronyms are upper-case, so
 * compare a token with ROLE_WORDS.has(token) || ROLE_WORDS.has(token.toLowerCase()).
 */
export const ROLE_WORDS: ReadonlySet<string> = new Set([
  // leadership and management
  'boss', 'chair', 'chairman', 'chairperson', 'chairwoman', 'chief', 'chiefs', 'commissioner', 'controller', 'deputy',
  'director', 'executive', 'founder', 'co-founder', 'governor', 'head', 'leader', 'manager', 'owner', 'partner',
  'president', 'principal', 'proprietor', 'secretary', 'supremo', 'treasurer', 'trustee', 'tsar', 'czar',
  'vice-chairman', 'vice-president', 'chancellor', 'vice-chancellor',
  // spokespeople, advisers and staff
  'adviser', 'advisor', 'aide', 'analyst', 'assistant', 'consultant', 'coordinator', 'co-ordinator', 'economist',
  'expert', 'lobbyist', 'officer', 'official', 'organiser', 'pollster', 'representative', 'researcher', 'spokesman',
  'spokesperson', 'spokeswoman', 'strategist', 'administrator', 'registrar', 'clerk', 'auditor', 'accountant',
  'employee', 'worker', 'member', 'fellow', 'volunteer', 'campaigner', 'activist',
  // politics and public office
  'alderman', 'alderwoman', 'ambassador', 'assemblyman', 'assemblymember', 'assemblywoman', 'congressman', 'congresswoman', 'councillor',
  'councilman', 'councilmember', 'councilwoman', 'delegate', 'diplomat', 'envoy', 'lawmaker', 'legislator',
  'mayor', 'minister', 'negotiator', 'ombudsman', 'peer', 'politician', 'premier', 'senator', 'speaker', 'whip',
  'MP', 'MEP', 'MSP', 'AM', 'MLA', 'TD', 'PM',
  // law, police and the armed forces
  'attorney', 'barrister', 'constable', 'coroner', 'counsel', 'detective', 'inspector', 'judge', 'lawyer',
  'magistrate', 'prosecutor', 'sergeant', 'sheriff', 'solicitor', 'superintendent', 'QC', 'KC',
  'admiral', 'brigadier', 'captain', 'colonel', 'commander', 'commandant', 'general', 'lieutenant', 'major', 'marshal',
  'soldier',
  // health and care
  'carer', 'dentist', 'doctor', 'midwife', 'nurse', 'paramedic', 'pharmacist', 'physician', 'psychiatrist',
  'psychologist', 'surgeon', 'therapist', 'GP',
  // education and science
  'academic', 'dean', 'historian', 'headmaster', 'headmistress', 'headteacher', 'lecturer', 'professor', 'provost', 'rector',
  'scientist', 'teacher', 'tutor',
  // business and finance
  'banker', 'broker', 'entrepreneur', 'investor', 'shareholder', 'trader', 'CEO', 'CFO', 'CIO', 'COO', 'CTO', 'MD', 'VP',
  // media, arts and entertainment
  'actor', 'actress', 'anchor', 'artist', 'author', 'broadcaster', 'columnist', 'comedian', 'commentator', 'composer',
  'correspondent', 'critic', 'designer', 'editor', 'film-maker', 'filmmaker', 'guitarist', 'host', 'journalist',
  'musician', 'novelist', 'photographer', 'playwright', 'poet', 'presenter', 'producer', 'publisher', 'rapper',
  'reporter', 'singer', 'songwriter', 'writer', 'DJ', 'choreographer',
  // sport
  'athlete', 'batsman', 'bowler', 'boxer', 'coach', 'cyclist', 'defender', 'driver', 'forward', 'goalkeeper', 'jockey',
  'midfielder', 'centre', 'fly-half', 'scrum-half', 'full-back', 'flanker', 'hooker', 'outside-half', 'wing', 'player', 'referee', 'rider', 'skipper', 'sprinter', 'striker', 'trainer', 'umpire', 'winger',
  // American football's and baseball's positions as team sheets write them ("Browns DL Sheldon Richardson")
  'QB', 'RB', 'WR', 'TE', 'DL', 'DT', 'LB', 'OL', 'LHP', 'RHP',
  // religion
  'archbishop', 'bishop', 'chaplain', 'cleric', 'imam', 'pastor', 'priest', 'rabbi', 'vicar',
  // technical and other trades
  'architect', 'developer', 'engineer', 'pilot', 'planner', 'programmer', 'surveyor',
]);

/** Words that qualify a post without being one: "acting chief executive", "shadow health secretary". */
export const ROLE_MODIFIERS: ReadonlySet<string> = new Set([
  'acting', 'assistant', 'associate', 'co', 'deputy', 'executive', 'former', 'honorary', 'interim', 'joint', 'junior',
  'lead', 'managing', 'non-executive', 'outgoing', 'principal', 'senior', 'shadow', 'vice',
]);
