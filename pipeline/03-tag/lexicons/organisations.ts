// Organisation gazetteer: well-known organisations that a rule on capitalised
// words would miss or split, their aliases, the words that head or end an
// organisation's name, and the generic phrases that refer back to one.
//
// The canonical name (the key) is the form news writes most: "Ofcom" and "NHS"
// rather than their expansions, which are aliases. The tagger names an entity
// by its canonical name, so a key should be a name an article could use.
//
// Aliases are conservative: each one refers to that organisation in ordinary
// news usage. A bare place name is never an alias (the tagger looks aliases up
// before places, so "Liverpool" stays a place and "Liverpool FC" the club), and
// an acronym with more than one common expansion is left out (see
// AMBIGUOUS_ORGANISATION_ACRONYMS) unless it is the one news means by it.

/** [canonical name, aliases]. */
type Entry = readonly [name: string, aliases?: readonly string[]];

// ---------------------------------------------------------------------------
// UK government and public bodies
// ---------------------------------------------------------------------------

const UK_GOVERNMENT_DEPARTMENTS: Entry[] = [
  ['Cabinet Office'],
  ['Department for Business and Trade', ['DBT']],
  ['Department for Business, Energy and Industrial Strategy', ['BEIS']],
  ['Department for Business, Innovation and Skills'],
  ['Department for Children, Schools and Families', ['DCSF']],
  ['Department for Communities and Local Government', ['DCLG']],
  ['Department for Constitutional Affairs', ['DCA']],
  ['Department for Culture, Media and Sport', ['DCMS', 'Department for Digital, Culture, Media and Sport']],
  ['Department for Education', ['DfE']],
  ['Department for Education and Skills', ['DfES']],
  ['Department for Energy Security and Net Zero', ['DESNZ']],
  ['Department for Environment, Food and Rural Affairs', ['Defra', 'DEFRA']],
  ['Department for Exiting the European Union', ['DExEU']],
  ['Department for International Development', ['DfID', 'DFID']],
  ['Department for International Trade'],
  ['Department for Levelling Up, Housing and Communities', ['DLUHC']],
  ['Department for Science, Innovation and Technology', ['DSIT']],
  ['Department for Transport', ['DfT']],
  ['Department for Work and Pensions', ['DWP']],
  ['Department of Energy and Climate Change', ['DECC']],
  ['Department of Health', ['DH', 'DoH']],
  ['Department of Health and Social Care', ['DHSC']],
  ['Department of Trade and Industry', ['DTI']],
  ['Foreign Office', ['Foreign and Commonwealth Office', 'FCO']],
  ['Foreign, Commonwealth and Development Office', ['FCDO']],
  ['HM Revenue and Customs', ['HMRC', 'HM Revenue & Customs', 'Revenue and Customs']],
  ['HM Customs and Excise', ['Customs and Excise']],
  ['Home Office'],
  ['Inland Revenue'],
  ['Ministry of Defence', ['MoD', 'MOD']],
  ['Ministry of Housing, Communities and Local Government', ['MHCLG']],
  ['Ministry of Justice', ['MoJ']],
  ['Northern Ireland Office', ['NIO']],
  ['Office of the Deputy Prime Minister', ['ODPM']],
  ['Scotland Office'],
  ['Treasury', ['HM Treasury']],
  ['Wales Office'],
];

const UK_PARLIAMENTS_AND_GOVERNMENTS: Entry[] = [
  ['House of Commons', ['Commons']],
  ['House of Lords', ['Lords']],
  ['Northern Ireland Assembly'],
  ['Northern Ireland Executive'],
  ['Parliament', ['UK Parliament', 'Houses of Parliament']],
  ['Privy Council'],
  ['Scottish Executive'],
  ['Scottish Government'],
  ['Scottish Parliament'],
  ['Welsh Assembly', ['National Assembly for Wales', 'Welsh Assembly Government', 'Welsh Parliament', 'Senedd']],
  ['Welsh Government'],
  ['Greater London Authority', ['GLA']],
  ['London Assembly'],
  ['Local Government Association', ['LGA']],
];

const UK_REGULATORS: Entry[] = [
  ['Advertising Standards Authority', ['ASA']],
  ['Audit Commission'],
  ['British Board of Film Classification', ['BBFC']],
  ['Care Quality Commission', ['CQC']],
  ['Charity Commission'],
  ['Civil Aviation Authority', ['CAA']],
  ['Commission for Health Improvement'],
  ['Commission for Social Care Inspection', ['CSCI']],
  ['Competition Commission'],
  ['Competition and Markets Authority', ['CMA']],
  ['Electoral Commission'],
  ['Financial Conduct Authority', ['FCA']],
  ['Financial Services Authority', ['FSA']],
  ['Gambling Commission'],
  ['Healthcare Commission'],
  ['Information Commissioner\'s Office', ['ICO']],
  ['Independent Press Standards Organisation', ['Ipso', 'IPSO']],
  ['Medicines and Healthcare products Regulatory Agency', ['MHRA']],
  ['National Audit Office', ['NAO']],
  ['Ofsted', ['Office for Standards in Education']],
  ['Ofcom', ['Office of Communications']],
  ['Office of Fair Trading', ['OFT']],
  ['Ofgem', ['Office of Gas and Electricity Markets']],
  ['Office of Rail Regulation', ['Office of Rail and Road', 'ORR']],
  ['Oftel', ['Office of Telecommunications']],
  ['Ofqual', ['Office of Qualifications and Examinations Regulation']],
  ['Office for Students', ['OfS']],
  ['Pensions Regulator'],
  ['Press Complaints Commission'],
  ['Prudential Regulation Authority', ['PRA']],
  ['Ofwat', ['Water Services Regulation Authority']],
];

const UK_PUBLIC_BODIES: Entry[] = [
  ['Arts Council England', ['Arts Council']],
  ['Bank of England'],
  ['British Council'],
  ['British Library'],
  ['British Museum'],
  ['Child Support Agency'],
  ['Commission for Racial Equality', ['CRE']],
  ['Crown Prosecution Service', ['CPS']],
  ['Driver and Vehicle Licensing Agency', ['DVLA']],
  ['English Heritage'],
  ['Environment Agency'],
  ['Equality and Human Rights Commission', ['EHRC']],
  ['Food Standards Agency'],
  ['GCHQ', ['Government Communications Headquarters']],
  ['Health and Safety Executive', ['HSE']],
  ['Heritage Lottery Fund'],
  ['Higher Education Funding Council for England', ['Hefce', 'HEFCE']],
  ['Highways Agency', ['Highways England', 'National Highways']],
  ['Historic England'],
  ['Jobcentre Plus'],
  ['Learning and Skills Council'],
  ['Low Pay Commission'],
  ['Met Office'],
  ['MI5', ['Security Service']],
  ['MI6', ['Secret Intelligence Service']],
  ['Monetary Policy Committee', ['MPC']],
  ['National Crime Agency', ['NCA']],
  ['National Gallery'],
  ['National Lottery'],
  ['Natural England'],
  ['Network Rail'],
  ['Office for Budget Responsibility', ['OBR']],
  ['Office for National Statistics', ['ONS']],
  ['Ordnance Survey'],
  ['Post Office'],
  ['Qualifications and Curriculum Authority', ['QCA']],
  ['Royal Mail'],
  ['Serious Fraud Office', ['SFO']],
  ['Serious Organised Crime Agency', ['Soca', 'SOCA']],
  ['Sport England'],
  ['Strategic Rail Authority'],
  ['Student Loans Company'],
  ['Transport for London', ['TfL']],
  ['UK Border Agency', ['UKBA']],
  ['Ucas', ['UCAS', 'Universities and Colleges Admissions Service']],
];

const UK_POLICE_AND_FORCES: Entry[] = [
  ['British Army'],
  ['Independent Office for Police Conduct', ['IOPC']],
  ['Independent Police Complaints Commission', ['IPCC']],
  ['Metropolitan Police', ['Metropolitan Police Service', 'Met Police', 'Scotland Yard']],
  ['Police Scotland'],
  ['Police Service of Northern Ireland', ['PSNI']],
  ['Royal Air Force', ['RAF']],
  ['Royal Marines'],
  ['Royal Navy'],
  ['Special Air Service', ['SAS']],
  ['Territorial Army'],
];

const UK_COURTS: Entry[] = [
  ['Court of Appeal'],
  ['High Court'],
  ['Old Bailey', ['Central Criminal Court']],
  ['Supreme Court'],
];

// ---------------------------------------------------------------------------
// NHS and health
// ---------------------------------------------------------------------------

const NHS_AND_HEALTH_BODIES: Entry[] = [
  ['General Medical Council', ['GMC']],
  ['Health Protection Agency', ['HPA']],
  ['NHS', ['National Health Service']],
  ['National Institute for Health and Care Excellence', [
    'NICE', 'National Institute for Health and Clinical Excellence', 'National Institute for Clinical Excellence',
  ]],
  ['NHS Digital'],
  ['NHS Direct'],
  ['NHS England'],
  ['NHS Improvement'],
  ['NHS Scotland'],
  ['NHS Wales'],
  ['NHS Confederation'],
  ['NHS Providers'],
  ['Nursing and Midwifery Council', ['NMC']],
  ['Public Health England', ['PHE']],
  ['UK Health Security Agency', ['UKHSA']],
];

// ---------------------------------------------------------------------------
// Political parties and movements
// ---------------------------------------------------------------------------

const UK_AND_IRISH_PARTIES: Entry[] = [
  ['Alliance Party'],
  ['Brexit Party'],
  ['British National Party', ['BNP']],
  ['Conservative Party', ['Conservatives', 'Tories', 'Tory', 'Conservative', 'Tory party', 'Tory Party', 'Conservative and Unionist Party']],
  ['Co-operative Party'],
  ['Democratic Unionist Party', ['DUP']],
  ['Fianna Fail', ['Fianna Fáil']],
  ['Fine Gael'],
  ['Green Party', ['Greens']],
  ['Labour Party', ['Labour']],
  ['Liberal Democrats', ['Lib Dems', 'Lib Dem', 'Liberal Democrat', 'Liberal Democrat party', 'Liberal Democrat Party']],
  ['Plaid Cymru', ['Plaid']],
  ['Reform UK'],
  ['Respect Party'],
  ['Scottish National Party', ['SNP']],
  ['Scottish Socialist Party', ['SSP']],
  ['Sinn Fein', ['Sinn Féin']],
  ['Social Democratic and Labour Party', ['SDLP']],
  ['UK Independence Party', ['UKIP', 'Ukip']],
  ['Ulster Unionist Party', ['UUP']],
];

const OTHER_PARTIES_AND_MOVEMENTS: Entry[] = [
  ['African National Congress', ['ANC']],
  ['Bharatiya Janata Party', ['BJP']],
  ['Christian Democratic Union', ['CDU']],
  ['Democratic Party', ['Democrats', 'Democratic', 'Democrat']],
  ['Fatah'],
  ['Hamas'],
  ['Hezbollah'],
  ['Indian National Congress', ['Congress Party']],
  ['Irish Republican Army', ['IRA']],
  ['Islamic State', ['Isis', 'ISIS', 'Isil', 'ISIL']],
  ['Likud'],
  ['Movement for Democratic Change', ['MDC']],
  ['Muslim Brotherhood'],
  ['Palestine Liberation Organisation', ['PLO', 'Palestine Liberation Organization']],
  ['Republican Party', ['Republicans', 'GOP', 'Republican']],
  ['Social Democratic Party', ['SPD']],
  ['Taliban'],
  ['United Russia'],
  ['Zanu-PF'],
  ['al-Qaeda', ['al-Qaida', 'al Qaeda', 'Al Qaeda', 'Al-Qaeda', 'al-Qa\'ida']],
];

// ---------------------------------------------------------------------------
// US government
// ---------------------------------------------------------------------------

const US_GOVERNMENT: Entry[] = [
  ['CIA', ['Central Intelligence Agency']],
  ['Centers for Disease Control and Prevention', ['CDC']],
  ['Congress', ['US Congress']],
  ['Department of Defense', ['Defense Department', 'DoD']],
  ['Department of Homeland Security', ['DHS', 'Homeland Security']],
  ['Department of Justice', ['Justice Department', 'DoJ', 'DOJ']],
  ['Democratic National Committee', ['DNC']],
  ['Environmental Protection Agency', ['EPA']],
  ['Federal Aviation Administration', ['FAA']],
  ['FBI', ['Federal Bureau of Investigation']],
  ['Federal Communications Commission', ['FCC']],
  ['Federal Reserve', ['Fed', 'US Federal Reserve', 'Federal Reserve Board']],
  ['Federal Trade Commission', ['FTC']],
  ['Food and Drug Administration', ['FDA']],
  ['House of Representatives', ['US House of Representatives']],
  ['Internal Revenue Service', ['IRS']],
  ['Nasa', ['NASA']],
  ['National Institutes of Health', ['NIH']],
  ['National Security Agency', ['NSA']],
  ['Pentagon'],
  ['Republican National Committee', ['RNC']],
  ['Securities and Exchange Commission', ['SEC']],
  ['State Department', ['US State Department', 'Department of State']],
  ['US Senate', ['Senate']],
  ['US Supreme Court'],
  ['US Treasury', ['Treasury Department', 'US Treasury Department']],
  ['White House'],
];

// ---------------------------------------------------------------------------
// International bodies
// ---------------------------------------------------------------------------

const INTERNATIONAL_BODIES: Entry[] = [
  ['African Union'],
  ['Amnesty International', ['Amnesty']],
  ['Arab League'],
  ['Association of Southeast Asian Nations', ['Asean', 'ASEAN']],
  ['Commonwealth'],
  ['Council of Europe'],
  ['European Central Bank'],
  ['European Commission'],
  ['European Council'],
  ['European Court of Human Rights'],
  ['European Court of Justice', ['ECJ']],
  ['European Parliament'],
  ['European Union', ['EU', 'E.U.']],
  ['G20'],
  ['G7'],
  ['G8'],
  ['Greenpeace'],
  ['Human Rights Watch'],
  ['International Atomic Energy Agency', ['IAEA']],
  ['International Committee of the Red Cross', ['ICRC', 'Red Cross']],
  ['International Court of Justice', ['ICJ']],
  ['International Criminal Court'],
  ['International Energy Agency', ['IEA']],
  ['International Monetary Fund', ['IMF']],
  ['Interpol'],
  ['Europol'],
  ['Medecins Sans Frontieres', ['Médecins Sans Frontières', 'MSF', 'Doctors Without Borders']],
  ['Nato', ['NATO', 'North Atlantic Treaty Organisation', 'North Atlantic Treaty Organization']],
  ['Organisation for Economic Co-operation and Development', [
    'OECD', 'Organization for Economic Cooperation and Development',
  ]],
  ['Organisation for Security and Co-operation in Europe', ['OSCE']],
  ['Opec', ['OPEC', 'Organization of the Petroleum Exporting Countries', 'Organisation of the Petroleum Exporting Countries']],
  ['Oxfam'],
  ['Save the Children'],
  ['United Nations', ['UN', 'U.N.']],
  ['UN Security Council', ['Security Council', 'United Nations Security Council']],
  ['UNHCR', ['UN refugee agency']],
  ['Unesco', ['UNESCO']],
  ['Unicef', ['UNICEF']],
  ['World Bank'],
  ['World Economic Forum', ['WEF']],
  ['World Food Programme', ['WFP']],
  ['World Health Organization', ['WHO', 'World Health Organisation']],
  ['World Trade Organization', ['WTO', 'World Trade Organisation']],
  ['WWF', ['World Wide Fund for Nature', 'World Wildlife Fund']],
];

// ---------------------------------------------------------------------------
// Trade unions, professional bodies, business groups, charities, think tanks
// ---------------------------------------------------------------------------

const UNIONS_AND_PROFESSIONAL_BODIES: Entry[] = [
  ['AFL-CIO'],
  ['Amicus'],
  ['Aslef'],
  ['Association of Teachers and Lecturers', ['ATL']],
  ['British Medical Association', ['BMA']],
  ['Communication Workers Union', ['CWU']],
  ['Fire Brigades Union', ['FBU']],
  ['GMB'],
  ['Law Society'],
  ['Musicians\' Union'],
  ['NASUWT'],
  ['National Association of Head Teachers', ['NAHT']],
  ['National Education Union', ['NEU']],
  ['National Farmers\' Union', ['NFU', 'National Farmers Union']],
  ['National Union of Journalists', ['NUJ']],
  ['National Union of Students', ['NUS']],
  ['National Union of Teachers', ['NUT']],
  ['Police Federation'],
  ['Prison Officers\' Association', ['POA']],
  ['Professional Footballers\' Association', ['PFA']],
  ['Public and Commercial Services Union', ['PCS']],
  ['RMT', ['National Union of Rail, Maritime and Transport Workers']],
  ['Royal College of General Practitioners', ['RCGP', 'Royal College of GPs']],
  ['Royal College of Midwives', ['RCM']],
  ['Royal College of Nursing', ['RCN']],
  ['Teamsters'],
  ['Trades Union Congress', ['TUC']],
  ['Transport and General Workers\' Union', ['TGWU', 'T&G']],
  ['Unison'],
  ['Unite', ['Unite the Union']],
  ['United Auto Workers', ['UAW']],
  ['University and College Union', ['UCU']],
  ['Usdaw'],
];

const BUSINESS_GROUPS: Entry[] = [
  ['British Bankers\' Association', ['BBA']],
  ['British Chambers of Commerce', ['BCC']],
  ['British Phonographic Industry', ['BPI']],
  ['British Retail Consortium', ['BRC']],
  ['Confederation of British Industry', ['CBI']],
  ['Council of Mortgage Lenders', ['CML']],
  ['Engineering Employers\' Federation', ['EEF']],
  ['Federation of Small Businesses', ['FSB']],
  ['IFPI', ['International Federation of the Phonographic Industry']],
  ['Institute of Directors', ['IoD']],
  ['Motion Picture Association of America', ['MPAA']],
  ['Recording Industry Association of America', ['RIAA']],
  ['Royal Institution of Chartered Surveyors', ['Rics', 'RICS']],
  ['Society of Motor Manufacturers and Traders', ['SMMT']],
];

const CHARITIES_AND_THINK_TANKS: Entry[] = [
  ['Age Concern'],
  ['Age UK'],
  ['Alzheimer\'s Society'],
  ['Barnardo\'s'],
  ['British Heart Foundation'],
  ['British Red Cross'],
  ['Cancer Research UK'],
  ['Christian Aid'],
  ['Citizens Advice'],
  ['Friends of the Earth'],
  ['Help the Aged'],
  ['Institute for Fiscal Studies', ['IFS']],
  ['Institute for Public Policy Research', ['IPPR']],
  ['Joseph Rowntree Foundation'],
  ['King\'s Fund'],
  ['Macmillan Cancer Support'],
  ['National Trust'],
  ['NSPCC'],
  ['Nuffield Trust'],
  ['Resolution Foundation'],
  ['RSPCA'],
  ['Shelter'],
];

const UNIVERSITIES_AND_CULTURE: Entry[] = [
  ['Bafta', ['BAFTA', 'British Academy of Film and Television Arts']],
  ['Cambridge University', ['University of Cambridge']],
  ['Harvard University', ['Harvard']],
  ['Imperial College London', ['Imperial College']],
  ['King\'s College London'],
  ['London School of Economics'],
  ['Massachusetts Institute of Technology', ['MIT']],
  ['National Theatre'],
  ['Open University'],
  ['Oxford University', ['University of Oxford']],
  ['Royal Opera House'],
  ['Royal Shakespeare Company', ['RSC']],
  ['Royal Society'],
  ['Stanford University', ['Stanford']],
  ['Tate Gallery', ['Tate Modern', 'Tate Britain']],
  ['University College London', ['UCL']],
  ['Yale University', ['Yale']],
];

// ---------------------------------------------------------------------------
// Media
// ---------------------------------------------------------------------------

const BROADCASTERS_AND_AGENCIES: Entry[] = [
  ['ABC', ['American Broadcasting Company']],
  ['Agence France-Presse', ['AFP']],
  ['Al Jazeera', ['Al-Jazeera']],
  ['Associated Press', ['AP']],
  ['BBC', ['British Broadcasting Corporation']],
  ['Bloomberg'],
  ['British Sky Broadcasting', ['BSkyB', 'Sky']],
  ['CBS'],
  ['Channel 4', ['Channel Four']],
  ['Channel 5', ['Channel Five']],
  ['CNN'],
  ['Fox News'],
  ['HBO'],
  ['ITV'],
  ['MTV'],
  ['NBC'],
  ['Press Association'],
  ['Reuters'],
  ['RTE', ['RTÉ']],
  ['S4C'],
  ['Sky News'],
];

/**
 * Titles that begin with "The" are keyed with it, and aliased without it: the
 * tagger drops a leading "The" from a name, so "the Times" is looked up as "Times".
 */
const NEWSPAPERS_AND_MAGAZINES: Entry[] = [
  ['Daily Express'],
  ['Daily Mail'],
  ['Daily Mirror', ['Mirror']],
  ['Daily Record'],
  ['Daily Star'],
  ['Daily Telegraph', ['Telegraph']],
  ['Evening Standard'],
  ['Financial Times', ['FT']],
  ['Mail on Sunday'],
  ['New Statesman'],
  ['New York Times'],
  ['News of the World'],
  ['Newsweek'],
  ['Private Eye'],
  ['Sunday Express'],
  ['Sunday Mirror'],
  ['Sunday Telegraph'],
  ['Sunday Times'],
  ['The Economist', ['Economist']],
  ['The Guardian', ['Guardian']],
  ['The Independent', ['Independent']],
  ['The Observer', ['Observer']],
  ['The Scotsman', ['Scotsman']],
  ['The Spectator', ['Spectator']],
  ['The Sun', ['Sun']],
  ['The Times', ['Times']],
  ['Wall Street Journal', ['WSJ']],
  ['Washington Post'],
];

// ---------------------------------------------------------------------------
// Companies and brands
// ---------------------------------------------------------------------------

const TECHNOLOGY_COMPANIES: Entry[] = [
  ['Adobe', ['Adobe Systems']],
  ['Alibaba'],
  ['Alphabet'],
  ['Amazon', ['Amazon.com']],
  ['AMD', ['Advanced Micro Devices']],
  ['AOL', ['America Online']],
  ['Apple', ['Apple Computer', 'Apple Inc']],
  ['ARM Holdings', ['ARM']],
  ['Autonomy'],
  ['Baidu'],
  ['BlackBerry', ['Research In Motion', 'RIM']],
  ['Cisco', ['Cisco Systems']],
  ['Dell'],
  ['eBay'],
  ['Facebook'],
  ['Fujitsu'],
  ['Google'],
  ['Hewlett-Packard', ['HP']],
  ['Hitachi'],
  ['Huawei'],
  ['IBM'],
  ['Instagram'],
  ['Intel'],
  ['Lenovo'],
  ['LG', ['LG Electronics']],
  ['LinkedIn'],
  ['Meta', ['Meta Platforms']],
  ['Microsoft'],
  ['Motorola'],
  ['MySpace'],
  ['Napster'],
  ['NEC'],
  ['Netflix'],
  ['Nokia'],
  ['Nvidia'],
  ['OpenAI'],
  ['Oracle'],
  ['Panasonic', ['Matsushita']],
  ['PayPal'],
  ['Philips'],
  ['Qualcomm'],
  ['Samsung'],
  ['SAP'],
  ['Siemens'],
  ['Skype'],
  ['Sony'],
  ['Sony Ericsson'],
  ['Spotify'],
  ['Sun Microsystems'],
  ['Symantec'],
  ['Tencent'],
  ['Texas Instruments'],
  ['Toshiba'],
  ['Twitter'],
  ['Uber'],
  ['WhatsApp'],
  ['Xerox'],
  ['Yahoo', ['Yahoo!']],
  ['YouTube'],
];

const GAMES_COMPANIES: Entry[] = [
  ['Activision', ['Activision Blizzard']],
  ['Atari'],
  ['Electronic Arts'],
  ['Nintendo'],
  ['Rockstar Games'],
  ['Sega'],
  ['Take-Two Interactive', ['Take-Two']],
  ['Ubisoft'],
];

const TELECOMS_COMPANIES: Entry[] = [
  ['AT&T'],
  ['BT', ['British Telecom', 'BT Group']],
  ['Cable & Wireless'],
  ['Carphone Warehouse'],
  ['Deutsche Telekom'],
  ['France Telecom'],
  ['NTL'],
  ['O2', ['mmO2']],
  ['Orange'],
  ['T-Mobile'],
  ['TalkTalk'],
  ['Telefonica', ['Telefónica']],
  ['Telewest'],
  ['Verizon'],
  ['Virgin Media'],
  ['Vodafone'],
];

const MEDIA_AND_ENTERTAINMENT_COMPANIES: Entry[] = [
  ['20th Century Fox', ['Twentieth Century Fox']],
  ['Bertelsmann'],
  ['BMG'],
  ['Comcast'],
  ['Associated Newspapers'],
  ['Daily Mail and General Trust', ['DMGT', 'Daily Mail & General Trust']],
  ['DreamWorks'],
  ['EMI'],
  ['Emap'],
  ['Endemol'],
  ['Granada'],
  ['Guardian Media Group'],
  ['Independent News & Media'],
  ['Johnston Press'],
  ['HMV'],
  ['Live Nation'],
  ['Lucasfilm'],
  ['Marvel'],
  ['MGM', ['Metro-Goldwyn-Mayer']],
  ['Miramax'],
  ['NBC Universal', ['NBCUniversal']],
  ['News Corporation', ['News Corp']],
  ['News International'],
  ['Northern & Shell'],
  ['Paramount', ['Paramount Pictures']],
  ['Pearson'],
  ['Pixar'],
  ['Reed Elsevier'],
  ['Sony BMG'],
  ['Sony Music'],
  ['Sony Pictures'],
  ['Telegraph Group', ['Telegraph Media Group']],
  ['Time Warner'],
  ['Trinity Mirror'],
  ['Universal Music Group', ['Universal Music', 'UMG']],
  ['Universal Pictures', ['Universal Studios']],
  ['Viacom'],
  ['Vivendi', ['Vivendi Universal']],
  ['Walt Disney', ['Disney', 'Walt Disney Company', 'Walt Disney Co']],
  ['Warner Bros', ['Warner Brothers', 'Warner Bros.']],
  ['Warner Music', ['Warner Music Group']],
  ['WPP'],
];

const BANKS_AND_FINANCE: Entry[] = [
  ['3i'],
  ['ABN Amro'],
  ['Abbey', ['Abbey National']],
  ['AIG', ['American International Group']],
  ['Alliance & Leicester'],
  ['Allianz'],
  ['American Express', ['Amex']],
  ['Aviva'],
  ['AXA'],
  ['Bank of America'],
  ['Barclays'],
  ['Bear Stearns'],
  ['Berkshire Hathaway'],
  ['BlackRock'],
  ['BNP Paribas'],
  ['Bradford & Bingley'],
  ['Citigroup', ['Citi', 'Citibank']],
  ['Co-operative Bank'],
  ['Credit Suisse'],
  ['Deutsche Bank'],
  ['Equitable Life'],
  ['Fannie Mae'],
  ['Freddie Mac'],
  ['Goldman Sachs'],
  ['HBOS', ['Halifax Bank of Scotland']],
  ['HSBC'],
  ['ING'],
  ['JP Morgan', ['JPMorgan', 'JPMorgan Chase', 'JP Morgan Chase']],
  ['Legal & General'],
  ['Lehman Brothers'],
  ['Lloyd\'s of London', ['Lloyd\'s']],
  ['Lloyds TSB', ['Lloyds', 'Lloyds Banking Group']],
  ['London Stock Exchange'],
  ['Man Group'],
  ['Mastercard', ['MasterCard']],
  ['Merrill Lynch'],
  ['Moody\'s'],
  ['Morgan Stanley'],
  ['Nasdaq'],
  ['Nationwide Building Society', ['Nationwide']],
  ['NatWest'],
  ['New York Stock Exchange', ['NYSE']],
  ['Northern Rock'],
  ['Norwich Union'],
  ['Prudential'],
  ['Royal Bank of Scotland', ['RBS']],
  ['Santander'],
  ['Schroders'],
  ['Societe Generale', ['Société Générale']],
  ['Standard & Poor\'s', ['S&P']],
  ['Standard Chartered'],
  ['Standard Life'],
  ['UBS'],
  ['Visa'],
  ['Wells Fargo'],
];

const PROFESSIONAL_SERVICES: Entry[] = [
  ['Arthur Andersen'],
  ['Capita'],
  ['Carillion'],
  ['Deloitte'],
  ['Ernst & Young', ['EY']],
  ['G4S'],
  ['KPMG'],
  ['PricewaterhouseCoopers', ['PwC']],
  ['Serco'],
];

const ENERGY_AND_RESOURCES: Entry[] = [
  ['Anglo American'],
  ['BG Group'],
  ['BHP Billiton', ['BHP']],
  ['BP', ['British Petroleum']],
  ['British Energy'],
  ['British Gas'],
  ['BNFL', ['British Nuclear Fuels']],
  ['Centrica'],
  ['Chevron', ['ChevronTexaco']],
  ['ConocoPhillips'],
  ['EDF', ['EDF Energy', 'Electricite de France', 'Électricité de France']],
  ['E.ON', ['E.On']],
  ['Enron'],
  ['ExxonMobil', ['Exxon Mobil', 'Exxon']],
  ['Gazprom'],
  ['Glencore'],
  ['Halliburton'],
  ['Lukoil'],
  ['National Grid'],
  ['Npower', ['npower']],
  ['Petrobras'],
  ['Powergen'],
  ['Rio Tinto'],
  ['Rosneft'],
  ['RWE'],
  ['Saudi Aramco', ['Aramco']],
  ['Scottish and Southern Energy', ['SSE']],
  ['Scottish Power', ['ScottishPower']],
  ['Severn Trent'],
  ['Shell', ['Royal Dutch Shell']],
  ['Thames Water'],
  ['TotalEnergies', ['Total SA']],
  ['United Utilities'],
  ['Xstrata'],
  ['Yukos'],
];

const RETAIL_AND_CONSUMER: Entry[] = [
  ['Adidas'],
  ['Aldi'],
  ['Argos'],
  ['Arcadia', ['Arcadia Group']],
  ['Asda'],
  ['Asos', ['ASOS']],
  ['Associated British Foods', ['ABF']],
  ['B&Q'],
  ['BHS', ['British Home Stores']],
  ['Boots'],
  ['British American Tobacco', ['BAT']],
  ['Burberry'],
  ['Burger King'],
  ['Cadbury', ['Cadbury Schweppes']],
  ['Carrefour'],
  ['Coca-Cola'],
  ['Co-operative Group', ['Co-op']],
  ['Costco'],
  ['Currys'],
  ['Debenhams'],
  ['Diageo'],
  ['Dixons'],
  ['Gucci'],
  ['Greggs'],
  ['H&M', ['Hennes & Mauritz']],
  ['Heineken'],
  ['House of Fraser'],
  ['Iceland Foods'],
  ['Ikea', ['IKEA']],
  ['Imperial Tobacco'],
  ['InBev', ['AB InBev', 'Anheuser-Busch InBev', 'Anheuser-Busch']],
  ['John Lewis', ['John Lewis Partnership']],
  ['JD Sports'],
  ['KFC'],
  ['Kingfisher'],
  ['Kraft', ['Kraft Foods']],
  ['L\'Oreal', ['L\'Oréal']],
  ['Lidl'],
  ['LVMH'],
  ['Marks & Spencer', ['M&S', 'Marks and Spencer']],
  ['McDonald\'s'],
  ['Morrisons', ['Wm Morrison']],
  ['Nestle', ['Nestlé']],
  ['Nike'],
  ['Ocado'],
  ['PepsiCo', ['Pepsi']],
  ['Philip Morris'],
  ['Prada'],
  ['Pret A Manger', ['Pret']],
  ['Primark'],
  ['Procter & Gamble', ['P&G']],
  ['Reckitt Benckiser', ['Reckitt']],
  ['Reebok'],
  ['Safeway'],
  ['Sainsbury\'s', ['J Sainsbury']],
  ['SABMiller'],
  ['Scottish & Newcastle'],
  ['Sports Direct'],
  ['Starbucks'],
  ['Tate & Lyle'],
  ['Tesco'],
  ['The Body Shop', ['Body Shop']],
  ['Topshop'],
  ['Unilever'],
  ['Waitrose'],
  ['Walmart', ['Wal-Mart']],
  ['Waterstones', ['Waterstone\'s']],
  ['Whitbread'],
  ['WH Smith', ['WHSmith']],
  ['Woolworths'],
];

const CARMAKERS: Entry[] = [
  ['Aston Martin'],
  ['Audi'],
  ['BMW'],
  ['Chrysler'],
  ['Citroen', ['Citroën']],
  ['Daimler', ['DaimlerChrysler', 'Daimler-Benz']],
  ['Fiat'],
  ['Ford', ['Ford Motor', 'Ford Motor Company']],
  ['General Motors'],
  ['Honda'],
  ['Hyundai'],
  ['Jaguar Land Rover', ['JLR']],
  ['Kia'],
  ['Land Rover'],
  ['Mazda'],
  ['Mercedes-Benz', ['Mercedes']],
  ['MG Rover', ['Rover']],
  ['Mitsubishi'],
  ['Nissan'],
  ['Peugeot', ['PSA Peugeot Citroen']],
  ['Porsche'],
  ['Renault'],
  ['Rolls-Royce'],
  ['Saab'],
  ['Tata Motors'],
  ['Tesla'],
  ['Toyota'],
  ['Vauxhall'],
  ['Volkswagen', ['VW']],
  ['Volvo'],
];

const AEROSPACE_DEFENCE_AND_INDUSTRY: Entry[] = [
  ['3M'],
  ['Airbus'],
  ['BAE Systems', ['BAE']],
  ['Balfour Beatty'],
  ['Barratt Developments'],
  ['Boeing'],
  ['Bombardier'],
  ['Corus'],
  ['EADS'],
  ['General Electric'],
  ['GKN'],
  ['GlaxoSmithKline', ['GSK', 'Glaxo']],
  ['Honeywell'],
  ['ICI', ['Imperial Chemical Industries']],
  ['Lockheed Martin'],
  ['Marconi'],
  ['Northrop Grumman'],
  ['Persimmon'],
  ['QinetiQ'],
  ['Raytheon'],
  ['Taylor Wimpey'],
  ['Tata Steel'],
  ['Tata', ['Tata Group']],
];

const PHARMACEUTICALS: Entry[] = [
  ['AstraZeneca'],
  ['Bayer'],
  ['BioNTech'],
  ['Bristol-Myers Squibb'],
  ['Eli Lilly'],
  ['Johnson & Johnson', ['J&J']],
  ['Merck'],
  ['Moderna'],
  ['Novartis'],
  ['Novo Nordisk'],
  ['Pfizer'],
  ['Roche'],
  ['Sanofi', ['Sanofi-Aventis']],
  ['Wyeth'],
];

const AIRLINES: Entry[] = [
  ['Aer Lingus'],
  ['Air France', ['Air France-KLM']],
  ['Alitalia'],
  ['American Airlines'],
  ['bmi', ['British Midland']],
  ['British Airways', ['BA']],
  ['Cathay Pacific'],
  ['Continental Airlines'],
  ['Delta Air Lines'],
  ['easyJet', ['EasyJet']],
  ['Emirates Airline'],
  ['Flybe'],
  ['KLM'],
  ['Lufthansa'],
  ['Qantas'],
  ['Ryanair'],
  ['Singapore Airlines'],
  ['United Airlines'],
  ['Virgin Atlantic'],
];

const TRAVEL_TRANSPORT_AND_LEISURE: Entry[] = [
  ['BAA'],
  ['Camelot'],
  ['DHL'],
  ['Eurostar'],
  ['Eurotunnel'],
  ['FedEx'],
  ['FirstGroup'],
  ['Go-Ahead'],
  ['Ladbrokes'],
  ['National Express'],
  ['P&O'],
  ['Railtrack'],
  ['Stagecoach'],
  ['Thomas Cook'],
  ['TUI'],
  ['UPS'],
  ['Virgin', ['Virgin Group']],
  ['Virgin Trains'],
  ['William Hill'],
];

// ---------------------------------------------------------------------------
// Sport: governing bodies and clubs
// ---------------------------------------------------------------------------

const SPORTS_GOVERNING_BODIES: Entry[] = [
  ['All England Club', ['All England Lawn Tennis Club']],
  ['British Olympic Association', ['BOA']],
  ['England and Wales Cricket Board', ['ECB']],
  ['FIA'],
  ['Fifa', ['FIFA']],
  ['Football Association', ['FA']],
  ['Football League', ['English Football League', 'EFL']],
  ['International Association of Athletics Federations', ['IAAF']],
  ['International Cricket Council'],
  ['International Olympic Committee', ['IOC']],
  ['International Rugby Board', ['IRB']],
  ['Jockey Club'],
  ['Lawn Tennis Association', ['LTA']],
  ['Marylebone Cricket Club', ['MCC']],
  ['NBA'],
  ['NFL'],
  ['Premier League', ['Premiership', 'FA Premier League', 'Barclays Premier League']],
  ['Rugby Football League', ['RFL']],
  ['Rugby Football Union', ['RFU']],
  ['Scottish Football Association', ['SFA']],
  ['Scottish Premier League', ['SPL']],
  ['Scottish Rugby Union', ['SRU']],
  ['Uefa', ['UEFA']],
  ['UK Athletics', ['UKA']],
  ['Welsh Rugby Union', ['WRU']],
  ['World Anti-Doping Agency', ['Wada', 'WADA']],
  ['World Athletics'],
  ['World Rugby'],
];

/**
 * Clubs of the English Premier League (2000s–2020s), the Old Firm and the
 * best-known European clubs. A club named after its town is keyed with "FC"
 * and never aliased by the bare town name, which stays a place.
 */
const FOOTBALL_CLUBS: Entry[] = [
  ['AC Milan'],
  ['AFC Bournemouth', ['Bournemouth FC']],
  ['Ajax'],
  ['Arsenal', ['Arsenal FC']],
  ['Aston Villa', ['Villa']],
  ['Barnsley FC'],
  ['Bayern Munich'],
  ['Benfica'],
  ['Birmingham City'],
  ['Blackburn Rovers'],
  ['Blackpool FC'],
  ['Bolton Wanderers'],
  ['Borussia Dortmund'],
  ['Bradford City'],
  ['Brentford FC'],
  ['Brighton & Hove Albion', ['Brighton and Hove Albion']],
  ['Burnley FC'],
  ['Cardiff City'],
  ['Celtic', ['Celtic FC']],
  ['Charlton Athletic'],
  ['Chelsea FC', ['Chelsea Football Club']],
  ['Coventry City'],
  ['Crystal Palace', ['Crystal Palace FC']],
  ['Derby County'],
  ['Everton', ['Everton FC']],
  ['FC Barcelona', ['Barca', 'Barça']],
  ['FC Porto'],
  ['Fulham FC'],
  ['Huddersfield Town'],
  ['Hull City'],
  ['Inter Milan', ['Internazionale']],
  ['Ipswich Town'],
  ['Juventus'],
  ['Leeds United'],
  ['Leicester City'],
  ['Liverpool FC', ['Liverpool Football Club']],
  ['Luton Town'],
  ['Manchester City', ['Man City']],
  ['Manchester United', ['Man Utd', 'Man United']],
  ['Middlesbrough FC'],
  ['Newcastle United'],
  ['Norwich City'],
  ['Nottingham Forest'],
  ['Paris Saint-Germain', ['PSG']],
  ['Portsmouth FC', ['Pompey']],
  ['Queens Park Rangers', ['QPR']],
  ['Rangers FC', ['Rangers', 'Glasgow Rangers']],
  ['Reading FC'],
  ['Real Madrid'],
  ['Sheffield United'],
  ['Sheffield Wednesday'],
  ['Southampton FC'],
  ['Stoke City'],
  ['Sunderland AFC'],
  ['Swansea City'],
  ['Tottenham Hotspur', ['Spurs']],
  ['Watford FC'],
  ['West Bromwich Albion', ['West Brom']],
  ['West Ham United', ['West Ham']],
  ['Wigan Athletic'],
  ['Wolverhampton Wanderers', ['Wolves']],
];

// ---------------------------------------------------------------------------
// Assembly
// ---------------------------------------------------------------------------

/**
 * Each group with its kind: a key of ORGANISATION_GENERIC_ALIASES, so that
 * "the firm" can find Google and "the watchdog" Ofcom.
 */
const GROUPS: Array<[kind: string, entries: Entry[]]> = [
  ['Department', UK_GOVERNMENT_DEPARTMENTS],
  ['Government', UK_PARLIAMENTS_AND_GOVERNMENTS],
  ['Regulator', UK_REGULATORS],
  ['Agency', UK_PUBLIC_BODIES],
  ['Police', UK_POLICE_AND_FORCES],
  ['Court', UK_COURTS],
  ['Service', NHS_AND_HEALTH_BODIES],
  ['Party', UK_AND_IRISH_PARTIES],
  ['Party', OTHER_PARTIES_AND_MOVEMENTS],
  ['Agency', US_GOVERNMENT],
  ['Organisation', INTERNATIONAL_BODIES],
  ['Union', UNIONS_AND_PROFESSIONAL_BODIES],
  ['Association', BUSINESS_GROUPS],
  ['Charity', CHARITIES_AND_THINK_TANKS],
  ['Institution', UNIVERSITIES_AND_CULTURE],
  ['Corporation', BROADCASTERS_AND_AGENCIES],
  ['Newspaper', NEWSPAPERS_AND_MAGAZINES],
  ['Company', TECHNOLOGY_COMPANIES],
  ['Company', GAMES_COMPANIES],
  ['Company', TELECOMS_COMPANIES],
  ['Company', MEDIA_AND_ENTERTAINMENT_COMPANIES],
  ['Bank', BANKS_AND_FINANCE],
  ['Company', PROFESSIONAL_SERVICES],
  ['Company', ENERGY_AND_RESOURCES],
  ['Company', RETAIL_AND_CONSUMER],
  ['Motors', CARMAKERS],
  ['Company', AEROSPACE_DEFENCE_AND_INDUSTRY],
  ['Company', PHARMACEUTICALS],
  ['Airlines', AIRLINES],
  ['Company', TRAVEL_TRANSPORT_AND_LEISURE],
  ['Association', SPORTS_GOVERNING_BODIES],
  ['Club', FOOTBALL_CLUBS],
];

/** Kinds of single entries that differ from their group's. */
const KIND_OVERRIDES = new Map<string, string>([
  ['Bank of England', 'Bank'],
  ['European Central Bank', 'Bank'],
  ['World Bank', 'Bank'],
  ['International Monetary Fund', 'Fund'],
  ['European Commission', 'Commission'],
  ['European Parliament', 'Parliament'],
  ['Scottish Parliament', 'Parliament'],
  ['Parliament', 'Parliament'],
  ['Welsh Assembly', 'Assembly'],
  ['London Assembly', 'Assembly'],
  ['Northern Ireland Assembly', 'Assembly'],
  ['Scottish Executive', 'Executive'],
  ['Northern Ireland Executive', 'Executive'],
  ['Local Government Association', 'Association'],
  ['Greater London Authority', 'Authority'],
  ['European Court of Justice', 'Court'],
  ['European Court of Human Rights', 'Court'],
  ['International Court of Justice', 'Court'],
  ['International Criminal Court', 'Court'],
  ['US Supreme Court', 'Court'],
  ['Federal Reserve', 'Bank'],
  ['Congress', 'Congress'],
  ['Trades Union Congress', 'Congress'],
  ['African National Congress', 'Party'],
  ['BBC', 'Corporation'],
  ['Premier League', 'League'],
  ['Football League', 'League'],
  ['Scottish Premier League', 'League'],
  ['Royal Mail', 'Company'],
  ['Network Rail', 'Company'],
  ['Post Office', 'Company'],
  ['Student Loans Company', 'Company'],
  ['British Museum', 'Museum'],
  ['British Library', 'Institution'],
  ['National Gallery', 'Museum'],
  ['Tate Gallery', 'Museum'],
  ['National Trust', 'Trust'],
  ['Nuffield Trust', 'Trust'],
  ['Heritage Lottery Fund', 'Fund'],
  ['Joseph Rowntree Foundation', 'Foundation'],
  ['Resolution Foundation', 'Foundation'],
  ['British Heart Foundation', 'Charity'],
  ['Institute for Fiscal Studies', 'Institute'],
  ['Institute for Public Policy Research', 'Institute'],
  ['Law Society', 'Society'],
  ['Royal Society', 'Society'],
  ['Monetary Policy Committee', 'Committee'],
  ['International Olympic Committee', 'Committee'],
  ['Jockey Club', 'Club'],
  ['All England Club', 'Club'],
  ['Marylebone Cricket Club', 'Club'],
  ['Associated Press', 'Agency'],
  ['Agence France-Presse', 'Agency'],
  ['Press Association', 'Agency'],
  ['Reuters', 'Agency'],
  ['Health and Safety Executive', 'Executive'],
]);

export const ORGANISATION_NAMES: ReadonlyMap<string, string[]> = new Map(
  GROUPS.flatMap(([, entries]) => entries.map(([name, aliases]) => [name, [...(aliases ?? [])]] as [string, string[]])),
);

/** Canonical name → kind (a key of ORGANISATION_GENERIC_ALIASES). */
export const ORGANISATION_KINDS: ReadonlyMap<string, string> = new Map(
  GROUPS.flatMap(([kind, entries]) => entries.map(([name]) => [name, KIND_OVERRIDES.get(name) ?? kind] as [string, string])),
);

/**
 * Acronyms with more than one common expansion in news. None is an alias
 * above unless one sense is by far the commoner in UK news (BA, ECB,
 * FSA, HSE, SAS): a tagger should link these to a canonical name only when the
 * article spells the organisation out.
 */
export const AMBIGUOUS_ORGANISATION_ACRONYMS: ReadonlySet<string> = new Set([
  'AA', // Automobile Association, Alcoholics Anonymous, American Airlines
  'BA', // British Airways, Bachelor of Arts
  'BIS', // Department for Business, Innovation and Skills; Bank for International Settlements
  'CSA', // Child Support Agency, Canadian Space Agency
  'DIT', // Department for International Trade, Dublin Institute of Technology
  'EA', // Environment Agency, Electronic Arts
  'ECB', // England and Wales Cricket Board, European Central Bank
  'FSA', // Financial Services Authority, Food Standards Agency
  'GE', // General Electric, general election
  'GM', // General Motors, genetically modified
  'HSE', // Health and Safety Executive, Ireland's Health Service Executive
  'ICC', // International Cricket Council, International Criminal Court
  'LSE', // London Stock Exchange, London School of Economics
  'PA', // Press Association, Palestinian Authority
  'PCC', // Press Complaints Commission, police and crime commissioner
  'SAS', // Special Air Service, Scandinavian Airlines
  'SRA', // Strategic Rail Authority, Solicitors Regulation Authority
]);

/**
 * Names and aliases above that are commonly also a person's name, an ordinary
 * word, or the name of a like body elsewhere: the tagger should prefer another
 * reading when the article supports one ("Harrison Ford ... Ford", "Lord
 * Sainsbury", "India's Congress").
 */
export const AMBIGUOUS_ORGANISATION_NAMES: ReadonlySet<string> = new Set([
  // surnames and given names
  'Bloomberg', 'Cadbury', 'Dell', 'Disney', 'Ford', 'John Lewis', 'Marconi', 'Mercedes', 'Merck', 'Pearson', 'Philips',
  'Porsche', 'Roche', 'Tesla',
  // ordinary words, capitalised at the start of a sentence or in a headline
  'Abbey', 'Amazon', 'Amnesty', 'Apple', 'Boots', 'Camelot', 'Celtic', 'Fed', 'Greens', 'Kingfisher', 'Labour',
  'Independent', 'Marvel', 'Nationwide', 'Observer', 'Orange', 'Paramount', 'Plaid', 'Prudential', 'Shell', 'Shelter',
  'Sky', 'Spectator', 'Sun', 'Times', 'Unite', 'Villa', 'Virgin', 'Visa', 'Wolves',
  // bodies of the same name in several countries or places
  'ABC', 'Congress', 'Democrat', 'Democratic', 'Democrats', 'Parliament', 'Republican', 'Republicans', 'Rangers', 'Rover', 'Senate',
  'Supreme Court', 'Treasury',
]);

// ---------------------------------------------------------------------------
// Head words
// ---------------------------------------------------------------------------

/**
 * Head words of institutions, which also open a name and take what the body is of or
 * for: "Darlington Borough Council", "Department of the Environment", "Society for the
 * Protection of Birds".
 */
export const INSTITUTION_HEAD_WORDS: ReadonlySet<string> = new Set([
  // government, public bodies and politics
  'Administration', 'Agency', 'Assembly', 'Authority', 'Board', 'Bureau', 'Cabinet', 'Commission', 'Committee',
  'Congress', 'Council', 'Department', 'Directorate', 'Executive', 'Government', 'Inspectorate', 'Ministry', 'Office',
  'Ombudsman', 'Panel', 'Parliament', 'Party', 'Regulator', 'Secretariat', 'Senate', 'Service', 'Services', 'Tribunal',
  // justice, police and armed forces
  'Constabulary', 'Court', 'Police',
  // education, science and culture
  'Academy', 'College', 'Gallery', 'Institute', 'Laboratory', 'Library', 'Museum', 'Orchestra', 'Polytechnic', 'School',
  'Theatre', 'University',
  // health and care
  'Clinic', 'Hospice', 'Hospital', 'Infirmary',
  // associations, charities and movements
  'Alliance', 'Association', 'Campaign', 'Centre', 'Charity', 'Club', 'Coalition', 'Confederation', 'Consortium',
  'Federation', 'Forum', 'Foundation', 'Fund', 'Guild', 'Institution', 'League', 'Movement', 'Network', 'Watch',
  'Organisation', 'Organization', 'Partnership', 'Society', 'Trust', 'Union',
  // banks and exchanges ("Bank of the West")
  'Bank', 'Exchange',
]);

/**
 * Capitalised words that end (or head) an organisation's name: "Darlington
 * Borough Council", "Department of Health", "Acme Holdings plc".
 */
export const ORGANISATION_HEAD_WORDS: ReadonlySet<string> = new Set([
  ...INSTITUTION_HEAD_WORDS,
  // local government and health abbreviations
  'BC', 'CC', 'CCG', 'DC', 'MBC', 'NHS', 'PCT', 'FC',
  // companies
  'AG', 'Airlines', 'Airways', 'Brothers', 'Bros', 'Capital', 'Co', 'Communications', 'Company', 'Corp',
  'Corporation', 'Electronics', 'Energy', 'Enterprises', 'Entertainment', 'GmbH', 'Group', 'Holdings',
  'Homes', 'Hotels', 'Inc', 'Industries', 'Insurance', 'Interactive', 'Investments', 'LLC', 'LLP', 'Labs', 'Limited', 'Ltd',
  'Media', 'Motors', 'Partners', 'Pharmaceutical', 'Pharmaceuticals', 'PLC', 'Pictures', 'Plc', 'Productions', 'Records',
  'Research', 'SA', 'Software',
  'Stores', 'Studios', 'Systems', 'Technologies', 'Telecom', 'Ventures', 'Water', 'plc', 'International',
  'Breweries', 'Brewery', 'Chemicals', 'Foods', 'Logistics', 'Mining', 'Networks', 'Petroleum',
  'Semiconductor',
  // stock exchanges named in their own language ("Deutsche Boerse", "the Paris Bourse")
  'Boerse', 'Börse', 'Bourse', 'Bolsa',
  // broadcasters and press
  'Channel', 'Radio', 'Television',
  'Chronicle', 'Gazette', 'Guardian', 'Herald', 'Journal', 'Magazine', 'News', 'Newspaper', 'Newspapers', 'Post',
  'Press', 'Review', 'Telegraph', 'Times',
]);

/**
 * Lower-case words for a kind of body, written right before a body's name
 * ("retailer Littlewoods", "Aid charity Actionaid", "copy protection firm
 * Macrovision"), and the kind (a key of ORGANISATION_GENERIC_ALIASES) that "the
 * firm", "the charity" refer back to. Not words also written before people's names
 * ("developer", "publisher", "broker").
 */
export const ORGANISATION_DESCRIPTORS: ReadonlyMap<string, string> = new Map([
  ['airline', 'Airlines'], ['bank', 'Bank'], ['brewer', 'Company'], ['broadcaster', 'Company'], ['carmaker', 'Motors'],
  ['carrier', 'Airlines'], ['chain', 'Company'], ['charity', 'Charity'], ['chipmaker', 'Company'], ['club', 'Club'],
  ['company', 'Company'], ['conglomerate', 'Company'], ['consultancy', 'Company'], ['drugmaker', 'Company'],
  ['firm', 'Company'], ['group', 'Group'], ['insurer', 'Insurance'], ['lender', 'Bank'], ['manufacturer', 'Company'],
  ['newspaper', 'Newspaper'], ['magazine', 'Magazine'], ['retailer', 'Company'], ['supermarket', 'Company'],
  ['watchdog', 'Regulator'], ['website', 'Company'],
]);

// ---------------------------------------------------------------------------
// Generic phrases that refer back to a named organisation
// ---------------------------------------------------------------------------

const FIRM = ['the firm', 'the company', 'the group'];
const COUNCIL = ['the council', 'the local authority', 'the authority'];
const NEWSPAPER = ['the newspaper', 'the paper'];

/**
 * Head word (as written in ORGANISATION_HEAD_WORDS, or a kind in
 * ORGANISATION_KINDS) → phrases that refer back to an organisation of that
 * kind named earlier. Phrases are lower-case plain words (safe in a RegExp).
 */
export const ORGANISATION_GENERIC_ALIASES: ReadonlyMap<string, string[]> = new Map([
  // local government
  ['Council', COUNCIL],
  ['BC', COUNCIL],
  ['CC', COUNCIL],
  ['DC', COUNCIL],
  ['MBC', COUNCIL],
  ['Authority', ['the authority']],
  // health
  ['Trust', ['the trust']],
  ['PCT', ['the trust']],
  ['Hospital', ['the hospital']],
  ['Service', ['the service']],
  // government
  ['Department', ['the department']],
  ['Ministry', ['the ministry', 'the department']],
  ['Office', ['the department']],
  ['Agency', ['the agency']],
  ['Regulator', ['the regulator', 'the watchdog']],
  ['Commission', ['the commission']],
  ['Committee', ['the committee']],
  ['Board', ['the board']],
  ['Government', ['the government']],
  ['Executive', ['the executive']],
  ['Assembly', ['the assembly']],
  ['Parliament', ['the parliament']],
  ['Congress', ['the congress']],
  ['Court', ['the court']],
  ['Tribunal', ['the tribunal']],
  ['Inspectorate', ['the inspectorate']],
  ['Ombudsman', ['the ombudsman']],
  ['Police', ['the force']],
  ['Constabulary', ['the force']],
  // politics and associations
  ['Party', ['the party']],
  ['Union', ['the union']],
  ['Association', ['the association']],
  ['Federation', ['the federation']],
  ['Confederation', ['the confederation']],
  ['Society', ['the society']],
  ['Institute', ['the institute']],
  ['Institution', ['the institution']],
  ['Foundation', ['the foundation']],
  ['Charity', ['the charity']],
  ['Fund', ['the fund']],
  ['Alliance', ['the alliance']],
  ['Coalition', ['the coalition']],
  ['Partnership', ['the partnership']],
  ['Network', ['the network']],
  ['Organisation', ['the organisation']],
  ['Organization', ['the organization']],
  ['Centre', ['the centre']],
  ['Campaign', ['the campaign']],
  ['League', ['the league']],
  // education and culture
  ['University', ['the university']],
  ['College', ['the college']],
  ['School', ['the school']],
  ['Academy', ['the academy']],
  ['Museum', ['the museum']],
  ['Gallery', ['the gallery']],
  // sport
  ['Club', ['the club']],
  ['FC', ['the club']],
  // business
  ['Company', FIRM],
  ['Corporation', ['the corporation', ...FIRM]],
  ['Corp', FIRM],
  ['Group', FIRM],
  ['Holdings', FIRM],
  ['Inc', FIRM],
  ['LLC', FIRM],
  ['Limited', FIRM],
  ['Ltd', FIRM],
  ['PLC', FIRM],
  ['Plc', FIRM],
  ['plc', FIRM],
  ['Co', FIRM],
  ['Industries', FIRM],
  ['Systems', FIRM],
  ['Technologies', FIRM],
  ['Bank', ['the bank', 'the lender']],
  ['Insurance', ['the insurer']],
  ['Motors', ['the carmaker', 'the car maker', ...FIRM]],
  ['Airlines', ['the airline', 'the carrier']],
  ['Airways', ['the airline', 'the carrier']],
  ['Studios', ['the studio']],
  ['Pictures', ['the studio']],
  ['Records', ['the label', 'the record company']],
  ['Exchange', ['the exchange']],
  // press
  ['Newspaper', NEWSPAPER],
  ['Times', NEWSPAPER],
  ['Post', NEWSPAPER],
  ['Herald', NEWSPAPER],
  ['Guardian', NEWSPAPER],
  ['Telegraph', NEWSPAPER],
  ['Journal', NEWSPAPER],
  ['Chronicle', NEWSPAPER],
  ['Gazette', NEWSPAPER],
  ['Magazine', ['the magazine']],
]);
