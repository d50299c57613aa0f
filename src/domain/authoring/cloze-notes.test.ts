import { describe, expect, it } from 'vitest';
import { cardFaces } from '../cloze/card-faces';
import { CLOZE_MARK_PATTERN } from '../cloze/cloze-marks';
import { parseDeckJsonText } from '../deck/parse-deck';
import { deckToJson } from '../export/deck-export';
import { NOW } from '../events/test-events';
import { asCardId } from '../ids';
import { clozeTextProblem, collapseToNotes, expandNotes, noteCardIds, studyDeckOf } from './cloze-notes';
import { addCardEvents, CardDraftError, checkDraft, createDeckEvents, deleteCardEvents, editCardEvents, importOverEvents } from './commands';
import { AUTHORED, ContentDevice } from './test-content';

const CLOZE = 'Docker calls {{c1::containerd}}, which calls {{c2::runc::the low-level runtime}}.';

function deckWithCloze(front = CLOZE, back = 'runc implements the OCI runtime spec.') {
  const device = new ContentDevice('student', 7);
  device.make((e) => createDeckEvents(e, AUTHORED, 'Containers', ''), NOW);
  const [created] = device.make((e) => addCardEvents(e, device.view(), [{ front: 'Plain?', back: 'Plain.', tags: [] }, { front, back, tags: ['docker'] }]), NOW + 1).slice(1);
  if (created?.kind !== 'card-created') throw new Error('no card');
  return { device, noteId: created.cardId };
}

const studiedIds = (device: ContentDevice) => studyDeckOf(device.view().deck).cards.map((card) => card.id);

describe('cloze notes written in the app', () => {
  it('study a cloze front as one card per cloze number, named <note id>.c<number>, beside the plain cards', () => {
    const { device, noteId } = deckWithCloze();
    const notes = device.view().deck.cards;
    expect(notes).toHaveLength(2);
    const cards = studyDeckOf(device.view().deck).cards;
    expect(cards.map((card) => card.id)).toEqual([notes[0]!.id, `${noteId}.c1`, `${noteId}.c2`]);
    expect(cards[2]).toMatchObject({ noteId, clozeNumber: 2, front: CLOZE, tags: ['docker'] });
    expect(noteCardIds(notes[1]!)).toEqual([`${noteId}.c1`, `${noteId}.c2`]);
  });

  it('show the blank (or the hint) on the front and the answer on the back, as a deck file’s cloze note does', () => {
    const { device } = deckWithCloze();
    const second = studyDeckOf(device.view().deck).cards[2]!;
    const faces = cardFaces(second);
    expect(faces.front.replace(CLOZE_MARK_PATTERN, '')).toBe('Docker calls containerd, which calls \\[the low\\-level runtime\\].');
    expect(faces.back.replace(CLOZE_MARK_PATTERN, '')).toBe('Docker calls containerd, which calls runc.\n\nrunc implements the OCI runtime spec.');
  });

  it('keep each number’s card id when the text is reworded, add a card for a new number and drop the card of a removed one', () => {
    const { device, noteId } = deckWithCloze();
    const before = studiedIds(device);
    device.make((e) => editCardEvents(e, device.view(), noteId, { front: 'Docker asks {{c1::containerd}}; it asks {{c2::runc}}.', back: '', tags: ['docker'] }), NOW + 2);
    expect(studiedIds(device)).toEqual(before);

    device.make((e) => editCardEvents(e, device.view(), noteId, { front: 'Docker asks {{c1::containerd}}; it asks {{c2::runc}}, which uses {{c3::cgroups}}.', back: '', tags: [] }), NOW + 3);
    expect(studiedIds(device)).toEqual([...before, `${noteId}.c3`]);

    device.make((e) => editCardEvents(e, device.view(), noteId, { front: 'Docker asks {{c1::containerd}}, which uses {{c3::cgroups}}.', back: '', tags: [] }), NOW + 4);
    expect(studiedIds(device)).toEqual([before[0], `${noteId}.c1`, `${noteId}.c3`]);

    device.make((e) => deleteCardEvents(e, device.view(), noteId), NOW + 5);
    expect(studiedIds(device)).toEqual([before[0]]);
  });

  it('give the same cards whatever order their events arrive in', () => {
    const { device } = deckWithCloze();
    const shuffled = new ContentDevice('other', 9);
    shuffled.events.push(...[...device.events].reverse());
    expect(studyDeckOf(shuffled.view().deck)).toEqual(studyDeckOf(device.view().deck));
  });

  it('refuse malformed cloze text with the parser’s line and column, and let a cloze note’s back be empty', () => {
    expect(() => checkDraft({ front: 'Line one\nDocker calls {{c1::containerd', back: '', tags: [] })).toThrow(CardDraftError);
    expect(() => checkDraft({ front: 'Line one\nDocker calls {{c1::containerd', back: '', tags: [] })).toThrow(/at line 2, column 14 is never closed/);
    expect(clozeTextProblem('Docker calls {{c1::containerd')).toMatch(/at line 1, column 14 is never closed/);
    expect(clozeTextProblem('{{cx::a}}')).toMatch(/whole number/);
    expect(clozeTextProblem('{{c0::a}}')).toMatch(/c1 to c500/);
    expect(clozeTextProblem('Not a cloze: {{code}} and }}')).toBeNull();
    expect(checkDraft({ front: '{{c1::a}}', back: '  ', tags: [] })).toEqual({ front: '{{c1::a}}', back: '', tags: [] });
    expect(() => checkDraft({ front: 'Plain', back: ' ', tags: [] })).toThrow(/back is empty/);
  });

  it('export as a deck file’s cloze note and import again over the deck without changing it', () => {
    const { device, noteId } = deckWithCloze();
    const file = parseDeckJsonText(deckToJson(studyDeckOf(device.view().deck)), 'x.json');
    expect(JSON.parse(deckToJson(studyDeckOf(device.view().deck))).cards[1]).toEqual({ id: noteId, cloze: CLOZE, back: 'runc implements the OCI runtime spec.', tags: ['docker'] });
    expect(file.cards.map((card) => card.id)).toEqual(studiedIds(device));
    expect(importOverEvents(device.envelope(NOW + 2), device.view(), { ...file, id: AUTHORED })).toEqual([]);
    expect(collapseToNotes(expandNotes(device.view().deck.cards))).toEqual(device.view().deck.cards);
  });

  it('leave a plain card with no deletion as it is', () => {
    const plain = { id: asCardId('a'), front: 'What is {{c1}}?', back: 'b', tags: [] };
    expect(expandNotes([plain])).toEqual([plain]);
  });
});
