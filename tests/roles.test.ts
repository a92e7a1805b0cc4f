// Posts as they are written in news of any house style, read as one grammar of noun
// phrases around a name: small made-up articles, one way of writing a post each.
import { describe, expect, it } from 'vitest';
import { processArticle } from './helpers/process.ts';

const rolesOf = (body: string) => processArticle(body).entities.filter((e) => e.type === 'person' && e.role).map((e) => [e.name, e.role, e.organisation]);

describe('posts', () => {
  it.each([
    ['<Org> <post> <Name>', 'Jets quarterback Jane Doe threw three touchdowns on Sunday.', ['Jane Doe', 'quarterback', 'Jets']],
    ['<Org> <post> <Name>, the body named before', 'Shares in Barclays fell. Barclays spokesman John Roe said the bank would appeal.', ['John Roe', 'spokesman', 'Barclays']],
    ['a name with a number before a post', 'Radio 1 DJ Chris Moyles will leave the station in the spring.', ['Chris Moyles', 'DJ', 'Radio 1']],
    ['<Name>, <Org>\'s <post>', 'Jane Roe, Acme\'s chief executive, said profits had doubled.', ['Jane Roe', 'chief executive', 'Acme']],
    ['"said <post> <Name>", held at the company the story is about', 'Acme Corp reported record profits on Tuesday. "We had a good year," said chief executive John Smith.', ['John Smith', 'chief executive', 'Acme Corp']],
    ['a former post', 'Former Army officer Tim Collins said the plan was flawed.', ['Tim Collins', 'Former Army officer', 'Army']],
    ['a post with no organisation', 'The prime minister, Tony Blair, said he was proud.', ['Tony Blair', 'prime minister', '']],
    ['a title abbreviated', 'Sen. Ted Cruz said he would vote against the bill.', ['Ted Cruz', 'Senator', '']],
    ['a post and what it governs, written before the name', 'The BBC is reorganising. Director of television Jana Bennett said the changes were needed.', ['Jana Bennett', 'Director of television', 'BBC']],
    ['a portfolio written in capitals is part of the post', 'However, Transport Commissioner Jacques Barrot said he wanted it done quickly.', ['Jacques Barrot', 'Transport Commissioner', '']],
    ['a campaign named for its candidate', 'Sanders campaign manager Jeff Weaver replied on Tuesday.', ['Jeff Weaver', 'campaign manager', 'Sanders campaign']],
    ['a post after a possessive pronoun, at the end of a sentence', 'He was joined by his wife and his spokeswoman, Hope Hicks.', ['Hope Hicks', 'spokeswoman', '']],
    ['a hyphenated post', 'He praised current fly-half Yann Delaigue.', ['Yann Delaigue', 'current fly-half', '']],
    ['a party written as an adjective, the party named nowhere else', 'Democratic strategist Tom Roe said the race was close.', ['Tom Roe', 'strategist', 'Democratic']],
    ['a party adjective before a post that is a title', 'Republican Governor John Roe signed the bill on Friday.', ['John Roe', 'Governor', 'Republican']],
    ['a body written before the post in an apposition', 'John Roe, a former Acme director, said he had no regrets.', ['John Roe', 'former Acme director', 'Acme']],
    ['a party adjective inside an apposition', 'Tom Roe, a veteran Democratic strategist, said the race was close.', ['Tom Roe', 'veteran Democratic strategist', 'Democratic']],
    ['a post and what it governs, set off by commas before the name', 'The chief executive of Acme, Jane Roe, said profits rose.', ['Jane Roe', 'chief executive of Acme', 'Acme']],
    ['copula: "<Name> is the <post> of <Org>"', 'John Roe is the chief executive of Acme. He said profits rose.', ['John Roe', 'chief executive of Acme', 'Acme']],
    ['copula in a relative clause', 'Jane Roe, who is chief executive of Acme, said profits rose.', ['Jane Roe', 'chief executive of Acme', 'Acme']],
    ['"served as", the phrase ending before a date', 'John Roe, who served as finance minister until 2010, said growth was slow.', ['John Roe', 'finance minister', '']],
    ['a post opening the sentence with "As"', 'As chairman of Acme, John Roe oversaw the merger.', ['John Roe', 'chairman of Acme', 'Acme']],
    ['a post opening the sentence, set off by a comma before a name that is its subject', 'The chief executive of Acme, Jane Roe said profits rose.', ['Jane Roe', 'chief executive of Acme', 'Acme']],
    ['a post read by the tagger as the first word of the name', 'Underdog conservative Assemblywoman Claudia Tenney won the primary.', ['Claudia Tenney', 'Assemblywoman', '']],
    ['a post in the complement of a phrase about a thing, set off before the name', 'He pleaded for the life of a British lecturer, Dennis Hills, who was held.', ['Dennis Hills', 'British lecturer', '']],
    ['a capitalised apposition headed by a post and what it governs', '"No," replied Jane Roe, President of Acme Worldwide, in a statement.', ['Jane Roe', 'President of Acme Worldwide', 'Acme Worldwide']],
    ['an apposition ending where a relative clause with "that" starts', 'The letter was signed by Tom Rastin, an executive at an Ohio-based firm that makes pumps.', ['Tom Rastin', 'executive at an Ohio-based firm', '']],
    ['an apposition ending before a bracketed acronym', 'The plan was attacked by Filippo Lanza, the United Nations High Commissioner for Refugees (UNHCR), on Monday.', ['Filippo Lanza', 'United Nations High Commissioner for Refugees', 'United Nations']],
    ['an apposition whose post is named for a person', 'Jane Roe spoke in Ohio. "We will win," Flynn Kane, a top Roe surrogate, said on Thursday.', ['Flynn Kane', 'top Roe surrogate', '']],
    ['an apposition after a bracket that goes with the name', 'Another possibility is Del. Jennifer Lane (D-Richmond), a corporate attorney who led the team.', ['Jennifer Lane', 'corporate attorney', '']],
    ['copula: "<Name> is <post> of <what> at <Org>", no article', 'The debate will be lively. Aaron Kall is director of debate at the University of Michigan.', ['Aaron Kall', 'director of debate at the University of Michigan', 'University of Michigan']],
    ['"who served as" with an abbreviation in the post', 'Derek Mitchell, who served as U.S. ambassador to Burma from 2012 until early this year, said the sanctions worked.', ['Derek Mitchell', 'U.S. ambassador to Burma', '']],
    ['a post after the preposition "to"', 'The bank spoke to tourism minister Sontaya Kunplome on Monday.', ['Sontaya Kunplome', 'tourism minister', '']],
    ['"partner" after the body it is held in', 'Gibson and his Icon Productions partner Bruce Davey said they would not campaign.', ['Bruce Davey', 'partner', 'Icon Productions']],
    ['a post written in the plural before names joined by "and"', 'The debate was between Democratic presidential candidates Jane Roe and Mary Poe in the city.', ['Mary Poe', 'presidential candidate', 'Democratic']],
    ['the first of names joined by "and" after a plural post', 'The debate was between Democratic presidential candidates Jane Roe and Mary Poe in the city.', ['Jane Roe', 'presidential candidate', 'Democratic']],
    ['a list of names after a plural post', 'The report was written by economists Anna Bell, Carl Dent and Ella Fox for the bank.', ['Carl Dent', 'economist', '']],
    ['a plural title before names in brackets joined by "and"', 'On Wednesday, Reps. Tom Jones (R-N.Y.) and Peter Lanes (R-Calif.) backed the plan.', ['Peter Lanes', 'Representative', '']],
    ['a title whose body the article names', 'The Senate voted on the bill on Monday. Sen. Tom Poe said it would pass.', ['Tom Poe', 'Senator', 'Senate']],
    ['a court written before the title of its judge', 'The Supreme Court will hear it. Circuit Court Judge Jane Roe wrote the opinion for the Circuit Court of Appeals.', ['Jane Roe', 'Judge', 'Circuit Court of Appeals']],
    ['a judge where the article names one court', 'The Supreme Court ruled on Monday. Judge Jane Roe wrote the opinion.', ['Jane Roe', 'Judge', 'Supreme Court']],
    ['a post that names its body before the name, over an apposition that names none', 'Republican presidential candidate Ben Roe, the only doctor in the race, spoke last.', ['Ben Roe', 'presidential candidate', 'Republican']],
    ['an apposition ending at a semicolon', 'The memo went to Tom Lane, Acme\'s deputy director; Ann Cole; and others.', ['Tom Lane', 'deputy director', 'Acme']],
    ['an age between the name and its apposition', 'Mark Hale, 41, a fund manager at Fidelity, said the shares were cheap.', ['Mark Hale', 'fund manager at Fidelity', 'Fidelity']],
    ['an apposition ending before "stated"', 'Anne Hall, president of the Ohio Bakers Guild stated, "We are worried."', ['Anne Hall', 'president of the Ohio Bakers Guild', 'Ohio Bakers Guild']],
    ['a body after "at the" and an adjective', '"It is close," said Tim Cole, an analyst at the independent Harbour Research Group.', ['Tim Cole', 'analyst at the independent Harbour Research Group', 'Harbour Research Group']],
    ['a body after "for the"', 'Jim Roe, the former deputy chief of mission for the Acme Embassy in Oslo, said so.', ['Jim Roe', 'former deputy chief of mission for the Acme Embassy in Oslo', 'Acme Embassy']],
    ['a description that is the subject of its clause, one person named before', 'Jane Roe spoke in Leeds on Monday. The former trade secretary has long argued for lower tariffs.', ['Jane Roe', 'former trade secretary', '']],
    ['a description whose post has a gender, one person of that gender named before', 'Jane Roe met Tom Poe in Leeds. The New York businessman has long argued for lower tariffs.', ['Tom Poe', 'New York businessman', '']],
    ['a relative clause saying the person runs a body', 'Jane Roe, who heads Acme Corp, said profits rose.', ['Jane Roe', 'head', 'Acme Corp']],
    ['a relative clause saying the person founded a body', 'Tom Poe, who founded the Harbour Research Group in 1979, spoke last.', ['Tom Poe', 'founder', 'Harbour Research Group']],
    ['a relative clause after an apposition', 'Morton Blackwell, the conservative icon who founded the Leadership Institute in 1979, spoke.', ['Morton Blackwell', 'founder', 'Leadership Institute']],
    ['a place\'s name as possessor, one body of the article named by it', 'The school works with Columbia University. The firm wrote to Columbia\'s president, Lee Bollinger, on Monday.', ['Lee Bollinger', 'president', 'Columbia University']],
    ['a generic name of a body after a capitalised name the tagger missed', 'The magazine was sold. Kenard Gibbs, Vibe magazine president, said so.', ['Kenard Gibbs', 'Vibe magazine president', 'Vibe magazine']],
    ['"who served as" followed by a clause', 'Earlier this week, Jane Roe, who served as secretary of state when the decision was made, spoke.', ['Jane Roe', 'secretary of state', '']],
    ['a lower-case "justice" before the name, its court named before it', 'Supreme Court justice Tom Poe died on Saturday.', ['Tom Poe', 'justice', 'Supreme Court']],
    ['an occupation before the name', 'The rally was full. Retired neurosurgeon Ben Roe told the hall he would go on.', ['Ben Roe', 'Retired neurosurgeon', '']],
    ['a possessor naming a body by its kind', 'Oxfam said the plan was weak. The charity\'s head of policy in Britain, Jane Roe said: "It is not enough."', ['Jane Roe', 'head of policy in Britain', 'Oxfam']],
    ['a position in a team\'s sport', 'Hawks goalie Tom Roe stopped 30 shots on Tuesday.', ['Tom Roe', 'goalie', 'Hawks']],
    ['an occupation named by its field', '"It will rain," said Jane Roe, Acme\'s principal meteorologist.', ['Jane Roe', 'principal meteorologist', 'Acme']],
    ['a name the post governs, before the person\'s', 'The talks were led by special envoy to Ukraine Tom Roe on Monday.', ['Tom Roe', 'special envoy to Ukraine', '']],
    ['a post of three hyphenated words', 'Acme Corp editor-in-chief Jane Roe said the paper would appeal.', ['Jane Roe', 'editor-in-chief', 'Acme Corp']],
    ['posts joined by "and", owned by a body, set off before the name', 'The inquiry will look at decisions by Acme\'s founder and former CEO, Tom Roe.', ['Tom Roe', 'founder and former CEO', 'Acme']],
    ['posts joined by "and" before the name', 'Jane Roe will hand over to chairman and chief executive Tom Roe next year.', ['Tom Roe', 'chairman and chief executive', '']],
    ['the body after "at" employs, not the part of it "of" governs', '"We are ready," said Jane Roe, vice president of Advanced Programs at Zentek Robotics.', ['Jane Roe', 'vice president of Advanced Programs at Zentek Robotics', 'Zentek Robotics']],
    ['a brand written in lower case after "of"', 'Acme Corp bought the firm. "We are pleased," said Tom Roe, chief executive of zap9media.', ['Tom Roe', 'chief executive of zap9media', 'zap9media']],
    ['a generic body opening the post, the story\'s', 'Acme Corp cut its forecast on Monday. The cuts were needed, company CEO Jane Roe said.', ['Jane Roe', 'company CEO', 'Acme Corp']],
    ['posts joined by "and" after a capitalised modifier that opens the sentence', 'Veteran comedian and broadcaster Tom Roe has died. Veteran fans mourned.', ['Tom Roe', 'Veteran comedian and broadcaster', '']],
    ['"<Name> as <Org>\'s <post>", the post ending before a month', 'Jane Roe will replace Tom Roe as Acme\'s chief executive in May.', ['Tom Roe', 'chief executive', 'Acme']],
    ['"<Name> as its <post>", held in the body the passage is about', 'Acme FC sacked its coach. The club hired Tom Roe as its new manager on Monday.', ['Tom Roe', 'new manager', 'Acme FC']],
    ['a team named in the plural, read by the tagger as a person', 'The Wild beat the Sabres. Sabres captain Jack Eichel threw punches.', ['Jack Eichel', 'captain', 'Sabres']],
    ['"as <post>" ending before a complement that names nothing', 'The club named Harry Redknapp as new manager at a news conference at noon.', ['Harry Redknapp', 'new manager', '']],
    ['a body named after the name, the post before it', 'Shares rose, said analyst Mike Powell of Barclays Capital.', ['Mike Powell', 'analyst', 'Barclays Capital']],
    ['posts listed with commas and "and", one held in the story\'s body', 'Acme Corp missed estimates. "Our results were good," chairman, CEO and president Craig Menear said.', ['Craig Menear', 'chairman, CEO and president', 'Acme Corp']],
    ['a verb and "as" between the name and the post', 'Acme Corp withdrew its filing shortly after Adam Roe stepped down as CEO.', ['Adam Roe', 'CEO', 'Acme Corp']],
    ['"who <verb> as <post>", the post ending before a duration', 'Jane Roe, who worked as a nurse for 20 years, died on Monday.', ['Jane Roe', 'nurse', '']],
    ['a firm named for people after "at", read by the tagger as a person', 'Stocks rose. Matt Roe, equity strategist at Miller Tabak, says the stock could rise.', ['Matt Roe', 'equity strategist at Miller Tabak', 'Miller Tabak']],
    ['a capitalised apposition ending in a post after its body\'s name', 'The campaign did not appeal to Julie Roe, Washington State Department of Health public information officer, she said.', ['Julie Roe', 'Washington State Department of Health public information officer', 'Washington State Department of Health']],
    ['a hyphenated post whose last part is an abbreviation', 'Apple chief Tim Cook spoke with Salesforce founder and co-CEO Marc Roe on Tuesday.', ['Marc Roe', 'founder and co-CEO', 'Salesforce']],
    ['an adverb between the verb of a relative clause and "as"', 'At the time, Dr. Ronny Roe, who was then serving as the President\'s physician, suggested a diet.', ['Ronny Roe', 'President\'s physician', '']],
    ['a team\'s position written with its city', 'The fight led to suspensions for Pittsburgh center Maurkice Roe on Friday.', ['Maurkice Roe', 'center', 'Pittsburgh']],
    ['a post held in a body named nowhere near, the one the story names far more than any other', 'Acme Corp reported its results on Tuesday. Acme Corp shares fell. Acme Corp cut its outlook. Analysts had expected more from Acme Corp. Rivals held up. "We are on track," said CEO Tom Roe in a release.', ['Tom Roe', 'CEO', 'Acme Corp']],
    ['a post the tagger reads as an adjective, set off before the name', 'On Tuesday the newest Democratic presidential hopeful, Tom Roe, visited Iowa.', ['Tom Roe', 'presidential hopeful', 'Democratic']],
  ])('%s', (_what, body, expected) => {
    expect(rolesOf(body)).toContainEqual(expected);
  });

  it('takes a fund manager at a body as held there', () => {
    const [[name, role, organisation]] = rolesOf('Tom Lee, a fund manager at Fidelity, said the shares were cheap.');
    expect([name, organisation]).toEqual(['Tom Lee', 'Fidelity']);
    expect(role).toContain('fund manager');
  });

  it('reads no post from "as" opening a clause or naming a part played', () => {
    expect(rolesOf('Juninho hopes for talks with Martin Neill as the Brazilian midfielder nears the exit.')).toEqual([]);
    expect(rolesOf('The film starred Burt Lancaster as the harassed airport manager.')).toEqual([]);
    expect(rolesOf('Tom Roe is seen as a leader. The rules apply to Jane Roe as well as the chairman.')).toEqual([]);
  });

  it('holds a post in the story\'s body only where it names none of its own', () => {
    const body = 'Sky reported growth. Sky sold more dishes. Sky added customers. Sky raised prices. "It is good," said Nigel Roe, managing director of media consultancy Decipher.';
    expect(rolesOf(body)).toEqual([['Nigel Roe', 'managing director of media consultancy Decipher', '']]);
  });

  it('never makes a stray word part of a post', () => {
    expect(rolesOf('Yet aviation analyst John Smith said the airline would survive.')).toEqual([['John Smith', 'aviation analyst', '']]);
  });

  it('takes no verb and no word for how two people stand to each other for a post', () => {
    expect(rolesOf('Navratilova will partner Nathalie Dechy in the doubles event.')).toEqual([]);
    expect(rolesOf('Chelsea brought on Didier Drogba to partner Eidur Gudjohnsen up front.').filter(([, role]) => role === 'partner')).toEqual([]);
    expect(rolesOf('She finished well clear of fellow American Bershawn Jackson in Arkansas.')).toEqual([]);
    expect(rolesOf('The intruder was found by Sir Elton John\'s partner David Furnish.').filter(([, role]) => role === 'partner')).toEqual([]);
  });

  it('takes no word capitalised only for opening a sentence for an organisation', () => {
    expect(rolesOf('Airlines are struggling. Aviation analyst Sarah Brown said the airline would survive.')).toEqual([['Sarah Brown', 'Aviation analyst', '']]);
  });

  it('holds a post written with a party adjective in the party the article names, and no other body', () => {
    const party = rolesOf('The Democrats met in Philadelphia. Democratic nominee Hillary Clinton spoke last.');
    expect(party).toContainEqual(['Hillary Clinton', 'nominee', 'Democrats']);
    const reserve = rolesOf('The Federal Reserve raised rates. Federal judge John Roe said nothing of it.');
    expect(reserve.filter(([, , organisation]) => organisation === 'Federal Reserve')).toEqual([]);
  });

  it('reads no post where the word after the copula heads no post', () => {
    expect(rolesOf('John Roe was a friend of the chairman. Jane Roe became famous in 2003.')).toEqual([]);
    expect(rolesOf('Tom Roe is a fantastic player and Jane Roe was the obvious candidate.')).toEqual([]);
    expect(rolesOf('John Roe served two years as chairman.')).toEqual([]);
    expect(rolesOf('Jane Roe is expected to win. Tom Poe was happy in Leeds.')).toEqual([]);
    expect(rolesOf('Tom Poe was proud of his team.')).toEqual([]);
    expect(rolesOf('A friend of the chairman, John Roe, said profits rose.')).toEqual([]);
  });

  it('takes no people or place for the body of a post in an apposition', () => {
    const roles = rolesOf('Ben Roe, the only African American candidate in the race, spoke last.');
    expect(roles.filter(([, , organisation]) => organisation)).toEqual([]);
  });

  it('gives a speaker the post of the description the passage speaks of them by, and only a post', () => {
    expect(rolesOf('Charles Kennedy spoke in Leeds on Monday. "We will win the argument in the end," the Liberal Democrat leader said.')).toEqual([['Charles Kennedy', 'Liberal Democrat leader', 'Liberal Democrat']]);
    expect(rolesOf('Tom Roe spoke in Leeds on Monday. "We will win the argument in the end," the 64-year-old said.')).toEqual([]);
  });

  it('gives a description no person where the passage leaves open which one it is', () => {
    expect(rolesOf('Jane Roe met Tom Poe in Leeds. The former trade secretary has long argued for lower tariffs.')).toEqual([]);
    expect(rolesOf('Jane Roe met Tom Poe in Leeds. The New York businessman has long argued with Jane Roe.')).toEqual([]);
    expect(rolesOf('"I met Tom Poe," Jane Roe said. The former trade secretary has long argued for lower tariffs.')).toEqual([['Jane Roe', 'former trade secretary', '']]);
    // An office or a bare post is said of its holder, wherever the passage is.
    expect(rolesOf('Jane Roe spoke in Leeds on Monday. The prime minister has long argued for lower tariffs.')).toEqual([]);
    expect(rolesOf('Jane Roe spoke in Leeds on Monday. The spokeswoman has long argued for lower tariffs.')).toEqual([]);
  });

  it('takes no phrase after a dash for a post unless a post heads it, and no pronoun for a campaign', () => {
    expect(rolesOf('Jane Roe won the seat. The union spent heavily to help Roe — more than $2m in the general election.')).toEqual([]);
    expect(rolesOf('Mr Tom Roe, 66, issued a statement through his lawyer on Monday.')).toEqual([]);
    expect(rolesOf('The mayors wrote to Jane Roe, urging the Justice Department to review the rules.')).toEqual([]);
    expect(rolesOf('Ken Tore, the Pompey midfielder planted his shot wide from ten yards.')).toEqual([]);
    expect(rolesOf('Tom Dane, a journalist based in the capital, said so.')).toEqual([['Tom Dane', 'journalist based in the capital', '']]);
    expect(rolesOf('Tom Dane, the Association of Chief Police Officers\' spokesman on rural policing, said so.')).toEqual([['Tom Dane', 'Association of Chief Police Officers\' spokesman on rural policing', 'Association of Chief Police Officers']]);
    expect(rolesOf('Tom Feld, a State Department official overseeing Lebanon and the region, wrote back.')).toEqual([['Tom Feld', 'State Department official overseeing Lebanon and the region', 'State Department']]);
    expect(rolesOf('Tom Roe won in Iowa. His campaign manager, Jeff Weaver, said it was a turning point.')).toEqual([['Jeff Weaver', 'campaign manager', '']]);
  });

  it('takes a body led in a match or in a phrase that goes on for no body run', () => {
    expect(rolesOf('The Acme Corp board met. Jane Roe, who led Acme Corp to a record year, said so.')).toEqual([]);
    expect(rolesOf('The Acme Corp board met. Tom Roe, who led Acme Corp operations in Iraq, said so.')).toEqual([]);
  });

  it('holds a post in a body named only by its kind nowhere, neither the kind nor the story\'s body', () => {
    expect(rolesOf('Acme Corp reported profits. Jane Roe, a customer service representative in Leeds, said so.')).toEqual([['Jane Roe', 'customer service representative in Leeds', '']]);
    expect(rolesOf('Acme Corp reported profits. Jane Roe, the gallery\'s director, said so.')).toEqual([['Jane Roe', 'gallery\'s director', '']]);
    expect(rolesOf('The launch follows a row. On Monday school inspection chief Dan Bell accused some schools of failing.')).toEqual([['Dan Bell', 'school inspection chief', '']]);
  });

  it('reads an abbreviated title that the tagger read on into a rank', () => {
    const roles = rolesOf('In January, Gov. Earl Ray Tomblin of West Virginia lauded the plan.');
    expect(roles.map(([, role, organisation]) => [role, organisation])).toEqual([['Governor', '']]);
  });

  it('holds a title in a body of its kind only where that body is named near it', () => {
    const roles = rolesOf('Judge Jane Roe said the firm had no presence there. It was a blow. The firm appealed. Its shares fell. Its lawyers were silent. The European Court of Human Rights heard a separate case.');
    expect(roles).toEqual([['Jane Roe', 'Judge', '']]);
  });

  it('gives no post to the person a post serves', () => {
    const roles = rolesOf('Huma Abedin, who was a top adviser to Mrs. Clinton, wrote back.');
    expect(roles.filter(([name]) => name === 'Clinton')).toEqual([]);
  });
});
