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
  ])('%s', (_what, body, expected) => {
    expect(rolesOf(body)).toContainEqual(expected);
  });

  it('takes a fund manager at a body as held there', () => {
    const [[name, role, organisation]] = rolesOf('Tom Lee, a fund manager at Fidelity, said the shares were cheap.');
    expect([name, organisation]).toEqual(['Tom Lee', 'Fidelity']);
    expect(role).toContain('fund manager');
  });

  it('never makes a stray word part of a post', () => {
    expect(rolesOf('Yet aviation analyst John Smith said the airline would survive.')).toEqual([['John Smith', 'aviation analyst', '']]);
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

  it('gives no post to the person a post serves', () => {
    const roles = rolesOf('Huma Abedin, who was a top adviser to Mrs. Clinton, wrote back.');
    expect(roles.filter(([name]) => name === 'Clinton')).toEqual([]);
  });
});
