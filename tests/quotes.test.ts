// Each quoting convention, pinned with a small article and its expected quotes and speakers.
import { describe, expect, it } from 'vitest';
import { quotesOf } from './helpers/process.ts';

const direct = (body: string) => quotesOf(body).filter((q) => q.kind === 'direct');
const reported = (body: string) => quotesOf(body).filter((q) => q.kind === 'indirect');

describe('direct quotes', () => {
  it.each([
    ['straight marks, said after', '"We will open the new ward in May," said Cllr John Smith.', 'John Smith', 'We will open the new ward in May'],
    ['curly marks, colon before', 'Council leader Mary Jones said: “The budget is balanced for the first time.”', 'Mary Jones', 'The budget is balanced for the first time.'],
    ['single marks with an apostrophe inside', "Darlington BC director Colin Morris said people 'will act as predators in terms of trying to get other people's bits of service'.", 'Colin Morris', "will act as predators in terms of trying to get other people's bits of service"],
    ['the speaker before the verb, after the quote', '"There is no money left for the scheme," Mr Brown told reporters.', 'Brown', 'There is no money left for the scheme'],
    ['according to', 'According to the meeting documents, the plan would be “far more advanced than in other parts of the country”.', 'the meeting documents', 'far more advanced than in other parts of the country'],
  ])('%s', (_what, body, speaker, text) => {
    const quotes = direct(body);
    expect(quotes).toHaveLength(1);
    expect(quotes[0].text).toBe(text);
    expect(quotes[0].speaker).toContain(speaker);
  });

  it('does not take "it was difficult to say that ..." for reported speech', () => {
    expect(reported('It was difficult to say that the investigation had been timely. Analysts declined to say whether prices would rise.')).toEqual([]);
  });

  it('does not give a quote that ends its sentence to the next sentence\'s reported speech', () => {
    const body = '"We believe these demands should be resisted," said David Frost, the BCC director general. "Manufacturing still faces extremely serious problems." Ian McCafferty, chief economist at the CBI, said the committee faced an "interesting" challenge.';
    expect(direct(body).map((q) => [q.speaker, q.text])).toEqual([
      ['David Frost', 'We believe these demands should be resisted'],
      ['David Frost', 'Manufacturing still faces extremely serious problems.'],
    ]);
  });

  it('gives a quote with no cue to the speaker of the reported speech just before it', () => {
    const body = '"We found no complaint," said District Attorney Bruce Castor. The woman\'s lawyer, Dolores Troiani, said her client was likely to sue.\n\n"I think that\'s the only avenue open to her. She felt it was a strong case."';
    expect(direct(body).map((q) => q.speaker)).toEqual(['Bruce Castor', 'Dolores Troiani']);
  });

  it('takes a relative named by a given name for the speaker ("his daughter Jill said")', () => {
    const body = 'Comedian Cyril Fletcher has died. He married actress Betty Astell in 1941. Fletcher\'s daughter Jill said her father would be sorely missed. "He was greatly loved by the public," she said.';
    expect(quotesOf(body).map((q) => q.speaker)).toEqual(['Jill', 'Jill']);
  });

  it('resolves "the firm" to the body the article introduced as a firm', () => {
    const body = 'New measures were devised by copy protection firm Macrovision. Its boss, Steve Weinstein, spoke. "RipGuard will reduce DVD ripping," said the firm.';
    expect(direct(body).map((q) => q.speaker)).toEqual(['Macrovision']);
  });

  it('follows a quote that runs over two paragraphs', () => {
    const body = 'Sir Bill Taylor, chair of the board, said: “When we transformed the trust we made promises. We want more money spent on services.\n\n“So the next step is the integration of management.”';
    expect(direct(body)).toEqual([
      { kind: 'direct', speaker: 'Bill Taylor', text: 'When we transformed the trust we made promises. We want more money spent on services.' },
      { kind: 'direct', speaker: 'Bill Taylor', text: 'So the next step is the integration of management.' },
    ]);
  });

  it('reads the BBC convention "First. "Second," he said as one speech', () => {
    const body = 'Charles Kennedy spoke in London. "A clear division is emerging in British politics. "Labour is counting on the politics of fear," he said.';
    expect(direct(body).map((q) => [q.speaker, q.text])).toEqual([
      ['Charles Kennedy', 'A clear division is emerging in British politics.'],
      ['Charles Kennedy', 'Labour is counting on the politics of fear'],
    ]);
  });

  it('does not take the rest of a listener\'s name for reported speech ("told BBC Radio Scotland\'s programme: ...")', () => {
    const body = 'Finance Minister Tom McCabe spoke on Sunday. He told BBC Radio Scotland\'s Sunday Live programme: "Here in Scotland we have 32 councils."';
    expect(reported(body)).toEqual([]);
    expect(direct(body).map((q) => q.speaker)).toEqual(['Tom McCabe']);
  });

  it('reads the clause after a programme the speaker was talking to ("told BBC Radio 4\'s the World at One his ...")', () => {
    const body = "Shadow home secretary David Davis told BBC Radio 4's the World at One his primary concern was potential miscarriages of justice.";
    expect(reported(body).map((q) => [q.speaker, q.text])).toEqual([['David Davis', 'his primary concern was potential miscarriages of justice']]);
  });

  it('keeps a partial quote inside reported speech, with the reporting speaker', () => {
    const body = 'Care trust chair Richard Houlden met staff on Monday. He said the trust was recruiting a director to “strengthen the management of services for older people”.';
    const quotes = quotesOf(body);
    expect(quotes).toContainEqual({ kind: 'direct', speaker: 'Richard Houlden', text: 'strengthen the management of services for older people' });
    expect(quotes).toContainEqual({ kind: 'indirect', speaker: 'Richard Houlden', text: 'the trust was recruiting a director to “strengthen the management of services for older people”' });
  });

  it('does not take scare quotes of a few words for speech', () => {
    expect(direct('The model would also signal a “root and branch” review of senior posts.')).toEqual([]);
  });

  it('does not take a title in quotation marks inside running text for speech, unless a reporting verb gives it as said', () => {
    expect(direct('In his 2002 book, "Make Your Children Rich Young," Mr. Smith suggested saving more.')).toEqual([]);
    expect(direct('She closed with the old anthem "A Change Is Gonna Come" to loud applause.')).toEqual([]);
    expect(direct('The crowd chanted "Build That Wall" for an hour.').map((q) => q.text)).toEqual(['Build That Wall']);
  });

  it('gives a quote the reporting clause that closes its sentence after a phrase completing the quoted words', () => {
    const body = 'Alan Cole runs a think tank. "I have admiration for the mechanics" of the plan, Mr. Holtz said. "But I have some concerns about it."';
    expect(direct(body).map((q) => q.speaker)).toEqual(['Holtz', 'Holtz']);
  });
});

describe('reported speech', () => {
  it.each([
    ['said that', 'Darlington BC director Colin Morris said that in some areas joint working was steaming ahead.', 'Colin Morris', 'in some areas joint working was steaming ahead'],
    ['told the BBC', 'Health minister Jane Hill told the BBC the hospital would stay open.', 'Jane Hill', 'the hospital would stay open'],
    ['warned', 'Union leader Dave Prentis warned that thousands of jobs were at risk.', 'Dave Prentis', 'thousands of jobs were at risk'],
    ['claimed', 'Tory leader Michael Howard claimed the scheme had cost £2bn.', 'Michael Howard', 'the scheme had cost £2bn'],
    ['argued', 'Economist Ann Pettifor argued that interest rates would have to rise.', 'Ann Pettifor', 'interest rates would have to rise'],
    ['insisted', 'The chief executive, Tom Moore, insisted the company was in good health.', 'Tom Moore', 'the company was in good health'],
    ['a name before a dash apposition', 'But Deutsche Bank - itself a target of a Yukos lawsuit - said documents had been backdated.', 'Deutsche Bank', 'documents had been backdated'],
    ['a share of those asked', 'Only 34% said they had received new cards.', '34%', 'they had received new cards'],
    ['those surveyed', 'Almost 50% of those questioned said they would trust search engines much less.', 'those questioned', 'they would trust search engines much less'],
    ['a description with hyphens', 'Phil Spector is awaiting trial. The 64-year-old has denied the killing, saying her death was accidental.', 'Phil Spector', 'her death was accidental'],
    ['"used a speech to say"', 'Mayor Jane Hill used her speech to say the city would bid for the games.', 'Jane Hill', 'the city would bid for the games'],
    ['"is alleged to have said"', 'Mr Houston is alleged to have said that the organs of the criminally insane should be made available.', 'Houston', 'the organs of the criminally insane should be made available'],
    ['"they" after a plural that spoke', 'Johnson & Johnson will buy Guidant. Analysts said the deal was aimed at its drug business. They also pointed out that more mergers were likely.', 'Analysts', 'more mergers were likely'],
    ['a name and an organisation\'s post', "Adam Jollans, IBM's Linux strategy manager, said the move was a genuine attempt to encourage innovation.", 'Adam Jollans', 'the move was a genuine attempt to encourage innovation'],
    ['admitted', 'Sella admitted he had been impressed by the young fly-half this season.', 'Sella', 'he had been impressed by the young fly-half this season'],
    ['denied', 'Both the government and Alitalia have repeatedly denied that the money was state aid.', 'Alitalia', 'the money was state aid'],
    ['the verb after the clause', 'These were the areas vulnerable to the imposition of care trusts, Colin Morris said.', 'Colin Morris', 'These were the areas vulnerable to the imposition of care trusts'],
    ['said, inverted, after the clause', 'Voters will have a clear choice at the next election, said Charles Kennedy.', 'Charles Kennedy', 'Voters will have a clear choice at the next election'],
    ['according to someone', 'According to Jane Hill, the hospital will stay open until 2010.', 'Jane Hill', 'the hospital will stay open until 2010'],
    ['organisations as speakers', 'Blackburn with Darwen Council and the PCT are consulting. The organisations say the move would drive efficiency by getting rid of duplication.', 'organisations', 'the move would drive efficiency by getting rid of duplication'],
    ['a report', 'The Commission for Social Care Inspection published its review. The report found the trust’s middle managers were overstretched.', 'report', 'the trust’s middle managers were overstretched'],
  ])('%s', (_what, body, speaker, text) => {
    const quotes = reported(body);
    expect(quotes.map((q) => q.text)).toContain(text);
    expect(quotes.find((q) => q.text === text)!.speaker).toContain(speaker);
  });

  it('reports nothing from "according to" opening a sentence without a comma, where the source and the clause run together', () => {
    const quotes = reported("Demand was strong. According to response statistics gathered by Netcraft many visiting the Acme store in the wake of Mr Jones' speech suffered lengthy response times. The site went offline.");
    expect(quotes.filter((q) => !q.text.trim())).toEqual([]);
    expect(quotes.filter((q) => q.speaker.includes('statistics'))).toEqual([]);
  });

  it('splits two reports joined by "and says"', () => {
    const quotes = reported('Labour says it wants to retain the property tax and says there is scope for councils to become more efficient.');
    expect(quotes.map((q) => [q.speaker, q.text])).toEqual([
      ['Labour', 'it wants to retain the property tax'],
      ['Labour', 'there is scope for councils to become more efficient'],
    ]);
  });

  it('does not take an infinitive after a participle for speech', () => {
    expect(reported('The council is to merge its management in a move predicted to lead to far more integration.')).toEqual([]);
  });
});

describe('speakers', () => {
  it('resolves "he" and "she" to the right person', () => {
    const body = 'Glenys Jones runs the service. Colin Morris chairs the board. She said the onus was on the trusts to prove themselves. He said the areas were vulnerable to change.';
    const quotes = reported(body);
    expect(quotes.map((q) => q.speaker)).toEqual(['Glenys Jones', 'Colin Morris']);
  });

  it('resolves a surname with a title to the full name', () => {
    const quotes = quotesOf('Boris Johnson arrived late. "We will not back down," Mr Johnson told BBC News.');
    expect(quotes[0].speaker).toBe('Boris Johnson');
  });

  it('lets a spokesman speak for the organisation', () => {
    const quotes = reported('A spokesman for Manchester City Council said the roads would reopen on Monday.');
    expect(quotes[0].speaker).toBe('Manchester City Council');
  });

  it('gives "the Liberal Democrat leader" to the person just named, and "the BPI spokesman" to the body', () => {
    const leader = reported('Voters face a clear choice, said Charles Kennedy. In his message the Liberal Democrat leader said Labour was relying on fear.');
    expect(leader.map((q) => q.speaker)).toEqual(['Charles Kennedy', 'Charles Kennedy']);
    const spokesman = reported('Kelly Clarkson topped the chart, the BPI reported. The BPI spokesman said the new chart would start in April.');
    expect(spokesman.at(-1)?.speaker).toBe('BPI');
  });

  it('does not hand "he" to a man named inside what someone said', () => {
    const body = 'Former France centre Philippe Sella watched the game. Sella admitted he had been impressed by fly-half Yann Delaigue this season. But he told BBC Sport: "Michalak is the answer both now and for the future."';
    expect(direct(body)[0].speaker).toBe('Philippe Sella');
  });
});

describe('reported speech: the cue and its subject', () => {
  it('skips an aside set off by commas between the cue and its clause', () => {
    expect(reported('The senator now says, however, that he is a strong supporter of the farm bill.')).toEqual([
      { kind: 'indirect', speaker: 'The senator', text: 'he is a strong supporter of the farm bill' },
    ]);
    expect(reported('The company said, in a statement, the new plant would open next spring.')).toEqual([
      { kind: 'indirect', speaker: 'The company', text: 'the new plant would open next spring' },
    ]);
  });

  it('takes a short clause with a subject and a verb of its own', () => {
    expect(reported('In the city, half of the striking workers said they were angry.')).toEqual([
      { kind: 'indirect', speaker: 'half of the striking workers', text: 'they were angry' },
    ]);
  });

  it('gives the words to the phrase a relative clause is about, not to the phrase that ends it', () => {
    expect(reported('Many fans who travelled to the match in the capital said they would not renew their season tickets.')).toEqual([
      { kind: 'indirect', speaker: 'Many fans', text: 'they would not renew their season tickets' },
    ]);
    expect(reported('Neighbours who know him say he was a quiet man who kept to himself.')).toEqual([
      { kind: 'indirect', speaker: 'Neighbours', text: 'he was a quiet man who kept to himself' },
    ]);
  });

  it('reads no cue for a quotation inside the next one', () => {
    const body = 'The club wants the winger back. "We need him for the cup tie. "The doctor who examined him said he was fine to play and we accept that," club director John Hill told the Gazette.';
    expect(direct(body).map((q) => q.speaker)).toEqual(['John Hill', 'John Hill']);
  });

  it('keeps a pronoun subject inside a relative clause as the speaker', () => {
    const quotes = reported('The minister proposed rules that would end what she said were unfair fines on small shops.');
    expect(quotes.map((q) => q.speaker)).not.toContain('rules');
  });
});
