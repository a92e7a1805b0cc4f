// Names: where capitals are evidence of one, where a name starts and ends, what type it
// is, and when two articles name the same thing. Made-up articles, each written to fail
// without the mechanism it tests.
import { describe, expect, it } from 'vitest';
import { processArticle } from './helpers/process.ts';
import { RunAggregates } from '../src/aggregate.ts';
import { lineCase } from '../pipeline/03-tag/line-case.ts';
import { isTextToken, winkTokens } from '../pipeline/03-tag/tokens.ts';

const namesOf = (body: string, title?: string) => processArticle(body, title).entities.map((e) => `${e.type}:${e.name}`);
const caseOf = (line: string) => {
  const tokens = winkTokens(line).tokens.filter(isTextToken);
  return lineCase(tokens, 0, tokens.length);
};

describe('capitals that are no evidence of a name', () => {
  it('tells a line in Title Case or in capitals from prose and from a line of names', () => {
    expect(['Prices Set To Rise', 'Daring Escape From The Zoo', 'Republicans Are Following Trump to Nowhere'].map(caseOf)).toEqual(['title', 'title', 'title']);
    expect(caseOf('JAPAN GET LUCKY WIN, CHINA IN SURPRISE DEFEAT')).toBe('capitals');
    expect(['Prices are set to rise', 'Kyle Busch', 'K Endacott (City of Plymouth AC), J Kwakye (Woodford Green with Essex Ladies)', 'Milton Keynes Dons v Peterborough'].map(caseOf)).toEqual(['prose', 'prose', 'prose', 'prose']);
  });

  it('reads no name into the ordinary words of a headline in Title Case, only the names the article supports', () => {
    const names = namesOf('Donald Trump spoke on Monday. Republicans in Congress said they would back him.', 'Republicans Are Following Trump to Nowhere');
    expect(names.sort()).toEqual(['organisation:Congress', 'organisation:Republicans', 'person:Donald Trump']);
    const trump = processArticle('Donald Trump spoke on Monday.', 'Republicans Are Following Trump to Nowhere').entities.find((e) => e.name === 'Donald Trump');
    expect(trump?.mentions).toBe(2);
  });

  it('reads no organisation or person into a line in Title Case within the body', () => {
    const body = 'Keepers at the city zoo said two lemurs had got out. The Zoo Says Escape Was Unusual And Prompted A Review Of Safety Measures. Jane Smith, a keeper, said they were found.';
    expect(namesOf(body, 'Daring Escape From Zoo Leaves Keepers Stunned')).toEqual(['person:Jane Smith']);
  });

  it('reads no acronym into words in capitals that are shouted or a heading run into the text', () => {
    expect(namesOf('HOW ‘MAKING THEM SMALLER’ YIELDS NUCLEAR WEAPONS “But critics, including the IMF, disagree.')).toEqual(['organisation:IMF']);
    expect(namesOf('He said: "I am going to endorse YOU!" The NAACP agreed.')).toEqual(['organisation:NAACP']);
    expect(namesOf('Officials from the FBI, CIA and NSA met.').sort()).toEqual(['organisation:CIA', 'organisation:FBI', 'organisation:NSA']);
    expect(namesOf('The board met on Monday, and the vote was put off: the ORDERS were withdrawn.')).toEqual([]);
    expect(namesOf('She founded the Survivors Fund (SURF), which pays for care.')).toContain('organisation:SURF');
  });

  it('reads no acronym into a word in capitals that labels a line of a transcript ("RAMOS: Secretary Clinton, ...")', () => {
    const body = 'Hillary Clinton was asked about the attack at the debate.\n\nRAMOS: Secretary Clinton, did you lie to them?\n\nVIDEO: They said they would call me.\n\nCLINTON: I testified for 11 hours.';
    expect(namesOf(body).filter((n) => n.startsWith('organisation:'))).toEqual([]);
  });

  it('still takes a person the model reads in a headline when the name has a given name', () => {
    expect(namesOf('The company said the appointment would take effect in May.', 'Acme Names Will Dunham As New Chief')).toEqual(['person:Will Dunham']);
  });
});

describe('where a name starts and ends', () => {
  it('cuts a body and a post off a person\'s name the tagger reads them into ("Browns DL Sheldon Richardson")', () => {
    const people = namesOf('Browns DL Sheldon Richardson, however, decided to weigh in.').filter((n) => n.startsWith('person:'));
    expect(people).toEqual(['person:Sheldon Richardson']);
  });

  it('keeps a name whole through "and" when the words before it are no name of their own, and splits two names', () => {
    expect(namesOf('The Acme Tool and Die Association said prices would rise.')).toEqual(['organisation:Acme Tool and Die Association']);
    expect(namesOf('The Treasury and Bank of England disagreed. The Treasury said so.').sort()).toEqual(['organisation:Bank of England', 'organisation:Treasury']);
    expect(namesOf('Celtic and Rangers drew on Saturday.').sort()).toEqual(['organisation:Celtic', 'organisation:Rangers']);
  });

  it('reads names joined by a slash as two names ("University of Texas/Texas Tribune poll")', () => {
    const names = namesOf('According to a University of Texas/Texas Tribune poll out Thursday, Ted Cruz leads in Texas.');
    expect(names).not.toContain('organisation:University of Texas/Texas Tribune');
    expect(names).toContain('organisation:University of Texas');
  });

  it('reads a known body and another name written side by side as two names ("the CNN Democratic debate")', () => {
    expect(namesOf('Wednesday at the CNN Democratic presidential debate, Hillary Clinton spoke.').sort()).toEqual(['organisation:CNN', 'organisation:Democratic', 'person:Hillary Clinton']);
    expect(namesOf('He spoke to BBC Radio 4 on Monday.')).toEqual(['organisation:BBC Radio 4']);
  });

  it('reads particles of names in other languages inside one name', () => {
    expect(namesOf('Students at the Conservatoire National des Arts et Métiers protested.')).toEqual(['organisation:Conservatoire National des Arts et Métiers']);
    expect(namesOf('Nick Van den Brul, an analyst, said so.')).toEqual(['person:Nick Van den Brul']);
  });

  it('keeps a day or a number that is part of a name ("Sunday Times", "Radio 5 Live", "Channel 4")', () => {
    expect(namesOf('The Sunday Times reported the deal, as did the Mail on Sunday.').sort()).toEqual(['organisation:Mail on Sunday', 'organisation:Sunday Times']);
    expect(namesOf('Radio 5 Live broadcast it, and so did Channel 4 and BBC Radio 4.').sort()).toEqual(['organisation:BBC Radio 4', 'organisation:Channel 4', 'organisation:Radio 5 Live']);
  });

  it('cuts a body, a post and a person written as one run of capitals', () => {
    const doc = processArticle('Acme Chief Executive Jane Doe said profits rose. Republican National Committee Chairman Reince Priebus agreed.');
    expect(doc.entities.map((e) => `${e.type}:${e.name}`).sort()).toEqual(['organisation:Republican National Committee', 'person:Jane Doe', 'person:Reince Priebus']);
    expect(doc.mentions.find((m) => m.text.endsWith('Jane Doe'))?.title).toBe('Chief Executive');
    expect(namesOf('Former Secretary of State Hillary Clinton spoke.')).toEqual(['person:Hillary Clinton']);
  });

  it('leaves a word for where someone is from out of their name, listed or formed from a place ("fellow Kentuckian Rand Paul")', () => {
    expect(namesOf('He used to support fellow Kentuckian Rand Paul, as did Texan Ted Cruz.').sort()).toEqual(['person:Rand Paul', 'person:Ted Cruz']);
    expect(namesOf('Christian Bale and Julian Assange spoke.').sort()).toEqual(['person:Christian Bale', 'person:Julian Assange']);
  });

  it('reads a person, not a body, after a post and "for" or "of" ("the campaign chairman for Donald Trump")', () => {
    expect(namesOf('Paul Manafort, the campaign chairman for Donald Trump, said so.').sort()).toEqual(['person:Donald Trump', 'person:Paul Manafort']);
    expect(namesOf('She is the chief executive of Rebellion.')).toEqual(['organisation:Rebellion']);
  });

  it('reads a US party named by its adjective as the party, as a UK one is ("Republican nominee", "Tory MPs")', () => {
    expect(namesOf('Republican nominee Donald Trump spoke, and the Democratic challenger replied.').sort()).toEqual(['organisation:Democratic', 'organisation:Republican', 'person:Donald Trump']);
    expect(namesOf('The Democratic Republic of Congo held a vote.')).toEqual(['place:Democratic Republic of Congo']);
  });

  it('does not cut a post at its own connector, wherever it stands in the run ("... and Secretary of State John Kerry")', () => {
    expect(namesOf('The talks opened with remarks by President Xi Jinping and Secretary of State John Kerry.').sort()).toEqual(['person:John Kerry', 'person:Xi Jinping']);
    expect(namesOf('Missouri Secretary of State Jason Kander announced the result.').sort()).toEqual(['person:Jason Kander', 'place:Missouri']);
    expect(namesOf('She was White House Chief of Staff until May.')).toEqual(['organisation:White House']);
    expect(namesOf('She served as secretary of State under Mr Obama.')).toEqual(['person:Obama']);
    expect(namesOf('Senate Minority Leader Jane Roe and White House Press Secretary John Doe spoke.').sort()).toEqual(['organisation:White House', 'person:Jane Roe', 'person:John Doe']);
    expect(namesOf('On Monday, The First Lady opened the garden.')).toEqual([]);
  });

  it('does not cut a person named after a title inside a name ("Sacha Baron Cohen"), nor a post that is a listed title ("Deputy Prime Minister")', () => {
    expect(namesOf("Sacha Baron Cohen's creations won.")).toEqual(['person:Sacha Baron Cohen']);
    const doc = processArticle('Deputy Prime Minister John Prescott spoke.');
    expect(doc.mentions.map((m) => m.title)).toEqual(['Deputy Prime Minister']);
  });
});

describe('when names are one thing, in an article and across articles', () => {
  const org = (docId: string, name: string, aliases = '') => ({ organisations: [{ doc_id: docId, entity_id: `org-${docId}`, name, aliases, mentions: 1 }], places: [], people: [], quotes: [] });

  it('does not join bodies across articles by a head word or a name without its qualifier ("Bank", "Reserve Bank")', () => {
    const run = new RunAggregates();
    run.addDocument(org('a', 'Bank of England', 'Bank|the bank'));
    run.addDocument(org('b', 'Reserve Bank of Australia', 'Reserve Bank|Bank'));
    run.addDocument(org('c', 'Reserve Bank of India', 'Reserve Bank'));
    expect(run.entityRows().map((r) => r.name).sort()).toEqual(['Bank of England', 'Reserve Bank of Australia', 'Reserve Bank of India']);
  });

  it('joins a body spelt with and without a space across articles, under the key it had first', () => {
    const run = new RunAggregates();
    run.addDocument(org('a', 'Time Warner'));
    run.addDocument(org('b', 'TimeWarner'));
    expect(run.entityRows()).toMatchObject([{ entity_key: 'organisation:time warner', articles: 2 }]);
  });

  it('makes one body of a name with and without what it is of, and of one spelt with and without a space, but not of a body and its plan', () => {
    expect(namesOf('The Reserve Bank of Australia raised rates. The Reserve Bank said inflation was high.')).toEqual(['organisation:Reserve Bank of Australia']);
    expect(namesOf('Shares in TimeWarner fell. Time Warner said so.')).toEqual(['organisation:Time Warner']);
    expect(namesOf('The NHS Plan was published. The NHS said it would help.').filter((n) => n.includes('NHS'))).not.toContain('organisation:NHS Plan');
  });

  it('keeps a father and a son of one name apart, and finds a surname behind a suffix ("Harry Connick Jr" ... "Connick")', () => {
    expect(namesOf('Duncan Hunter endorsed him. His father, Duncan Hunter Sr., agreed.').sort()).toEqual(['person:Duncan Hunter', 'person:Duncan Hunter Sr.']);
    expect(processArticle('Harry Connick Jr sang on Broadway. Connick said he was happy.').entities.map((e) => [e.name, e.aliases])).toEqual([['Harry Connick Jr', ['Connick']]]);
  });
});

describe('what type a name is', () => {
  it('reads a lone word as a body where the article shows it is one: a team\'s record or a body\'s post after it', () => {
    const orgs = (body: string) => namesOf(body).filter((n) => n.startsWith('organisation:')).sort();
    expect(orgs('The Gophers (9-1, 6-1) play on Saturday against the Wildcats (2-8, 0-7), who lost their last game at home.')).toEqual(['organisation:Gophers', 'organisation:Wildcats']);
    expect(orgs('Shares in the group fell on Monday. Zorblax spokesman Tim Ward said the deal was off, and he added that talks would go on.')).toEqual(['organisation:Zorblax']);
    // Not a body's kind, nor a word inside a longer name.
    expect(orgs('Company spokesman John Roe said prices would rise. A Top of the Pops spokesperson said the show would go on.')).toEqual([]);
    // A stock ticker is a company's mark, even on a word that is also a given name.
    expect(orgs('The stock has slid, and peer Lowe’s (LOW) stock is off too. Lowe’s reports on Wednesday.')).toEqual(['organisation:LOW', 'organisation:Lowe']);
  });

  it('reads a company by what stands around its name: a ticker, a kind of company before it, a post held "at" it', () => {
    const orgs = (body: string) => namesOf(body).filter((n) => n.startsWith('organisation:')).sort();
    expect(orgs('She has a deal with Ulta Beauty (NYSE: ULTA) to sell her products.')).toEqual(['organisation:NYSE', 'organisation:ULTA', 'organisation:Ulta Beauty']);
    expect(orgs('Shares of construction goods giant Home Depot are dropping on Tuesday.')).toEqual(['organisation:Home Depot']);
    expect(namesOf('Matt Maley, equity strategist at Miller Tabak, says the stock is risky.').sort()).toEqual(['organisation:Miller Tabak', 'person:Matt Maley']);
  });

  it('reads a name that ends in an institution\'s head word as a body, whatever the tagger reads', () => {
    expect(namesOf('Dr Owen Dempsey, a consultant chest physician at BMI Albyn Hospital in Aberdeen, said so.')).toContain('organisation:BMI Albyn Hospital');
  });

  it('reads a town and its state\'s postal code in a list of dates and venues as places', () => {
    const names = namesOf('The band will play these dates.\n\nJune 10 – Tampa, FL @ Big Arena\nJune 24 – Bristow, VA @ Jiffy Lube Live');
    expect(names).toEqual(expect.arrayContaining(['place:Tampa', 'place:FL', 'place:Bristow', 'place:VA']));
    expect(names).not.toContain('organisation:Tampa');
    expect(names).not.toContain('person:Bristow');
    expect(namesOf('They close at White River Amphitheatre. Seattle, WA @ Key Arena\nSt. Louis, MO @ The Pageant')).toEqual(expect.arrayContaining(['place:Seattle', 'place:St. Louis']));
    // Not a person's letters after a comma.
    expect(namesOf('Jane Roe, MD, said the drug works.')).not.toContain('place:Jane Roe');
  });

  it('takes a street or a hill for a place, not a person, unless a given name opens it', () => {
    expect(namesOf('A spokesman for Downing Street said no. Capitol Hill was quiet, said Damon Hill.').sort()).toEqual(['person:Damon Hill', 'place:Capitol Hill', 'place:Downing Street']);
  });

  it('reads a US state where news abbreviates it, as the same place as its name', () => {
    const places = (body: string) => processArticle(body).entities.filter((e) => e.type === 'place').map((e) => [e.name, ...e.aliases].join('|'));
    expect(places('Sen. Jane Roe (R-Tex.) and Rep. John Doe, D-N.Y., met Sen. Mary Major (D-CA) and Sen. Ann Minor (Vt.) on Monday.').sort()).toEqual(['CA', 'N.Y.', 'Tex.', 'Vt.']);
    expect(places('The plant in California will close, the firm said on Monday. It also runs one in Reno, Calif., and more.').sort()).toEqual(['California|Calif.', 'Reno']);
  });

  it('reads a town written before its US state as a place, but no person before a state that opens a name', () => {
    expect(namesOf('She spoke at a rally in Hemet, Calif., on Tuesday.').sort()).toEqual(['place:Calif.', 'place:Hemet']);
    expect(namesOf('He told a crowd in Berea, Ohio on Tuesday that he would win.').sort()).toEqual(['place:Berea', 'place:Ohio']);
    expect(namesOf('MILLTOWN, Nev. (AP) -- The mayor resigned.').sort()).toEqual(['organisation:AP', 'place:MILLTOWN', 'place:Nev.']);
    expect(namesOf('The rally was for Jane Roe, Iowa voters said.')).not.toContain('place:Jane Roe');
    expect(namesOf('For Trump, Ohio and Florida are the keys to the White House. Donald Trump spoke.')).not.toContain('place:Trump');
  });

  it('keeps a place the tagger reads after "AT" in a line of fixtures, apart from the club of the same name', () => {
    const body = 'BASEBALL - MAJOR LEAGUE STANDINGS\nNEW YORK 1996-08-30\nStandings after games played on Thursday:\nW L PCT GB\nDETROIT 74 59 .556 -\nBOSTON 69 65 .515 5\nTORONTO 63 71 .470 11\nFRIDAY , AUGUST 30 SCHEDULE\nBOSTON AT DETROIT\nCHICAGO AT TORONTO';
    const names = namesOf(body);
    expect(names).toContain('organisation:DETROIT');
    expect(names).toContain('place:DETROIT');
    expect(names).toContain('place:TORONTO');
  });

  it('keeps the place of a dateline a place where the article reads the same name as a club', () => {
    const body = 'SOCCER - NICE SIGN STRIKER .\nNICE , France 1996-08-30\nFrench first division club Nice signed the striker on Friday .\nNICE 2 MONACO 1 ( halftime 1-0 )';
    const doc = processArticle(body);
    const dateline = doc.mentions.find((m) => m.text === 'NICE' && doc.text.startsWith('NICE ,', m.start));
    expect(dateline?.type).toBe('place');
    const agency = processArticle('Cleveland (AFP) – The Trump troops embraced their nominee, clogging the convention floor.\n\nThe speech was the moment thousands in the Cleveland arena were waiting for.');
    expect(agency.mentions.find((m) => m.text === 'Cleveland')?.type).toBe('place');
    // A place in capitals before a dash, with no agency between: a dateline, not an acronym.
    const dashed = namesOf('Berg keeps Sweden alive against Norway in the Nations Cup\n\nMADRID — Anna Berg kept Sweden’s hopes alive, then Maria Lind completed the comeback to give the visitors a 2-1 win over Norway.');
    expect(dashed).toContain('place:MADRID');
    expect(dashed).not.toContain('organisation:MADRID');
    // Not a name opening a paragraph before a clause ("TCI, which claims to represent ...").
    const opening = namesOf('The fund opposes the takeover of the London Stock Exchange.\n\nTCI, which claims to own 5%, said so. Opposition from TCI has grown, and TCI wants a vote.');
    expect(opening).toContain('organisation:TCI');
    expect(opening).not.toContain('place:TCI');
  });

  it('reads a lone word that opens the name of a body the article names as that body, not a person', () => {
    const doc = processArticle('Researchers at the Goddard Space Flight Center confirmed the find.\n\n"We performed careful checks," Goddard planetary scientist Avi Okonjo said.');
    expect(doc.entities.map((e) => `${e.type}:${e.name}`)).not.toContain('person:Goddard');
    expect(doc.mentions.find((m) => m.text === 'Goddard')?.type).toBe('organisation');
    // Unless a person of the article bears it as a surname.
    const named = processArticle('Researchers at the Goddard Space Flight Center, named after Robert Goddard, confirmed the find.\n\n"We performed careful checks," Goddard said.');
    expect(named.mentions.find((m) => m.text === 'Goddard')?.type).toBe('person');
  });

  it('reads the surname of a person the article names after a post and "for" as that person ("a lawyer for Mills")', () => {
    const names = namesOf('Al Gore will not attend. "He is a private man," said Kiki McLean, a spokeswoman for Gore’s 2000 presidential campaign.');
    expect(names).not.toContain('organisation:Gore');
    const doc = processArticle('Staff alerted the chief of staff, Cheryl Mills, to the request. A lawyer for Mills did not respond to a request for comment.');
    expect(doc.entities.map((e) => `${e.type}:${e.name}`)).toEqual(['person:Cheryl Mills']);
    expect(namesOf('Simon Gardner, president of Climax\'s Action Studio, said so.')).toContain('organisation:Climax');
  });

  it('takes a company named after a person for a company where the text says so', () => {
    expect(namesOf('Ralph Lauren shares rose on Monday.')).toEqual(['organisation:Ralph Lauren']);
    expect(namesOf('Sales at the retailer Ralph Lauren rose.')).toEqual(['organisation:Ralph Lauren']);
  });
});
