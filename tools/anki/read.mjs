// Reads an Anki package with the npm package anki-reader (independent of recall) and prints
// what it holds as one JSON document: the collection's creation time and, per card, its deck,
// fields, tags and schedule, with a review card's due day as a date. Used by tests/cli/test_anki.cpp.
// Usage: node read.mjs FILE.apkg
import { readFileSync } from 'node:fs';
import { readAnkiPackage } from 'anki-reader';

const file = process.argv[2];
const { collection } = await readAnkiPackage(new Blob([readFileSync(file)]));
const crt = collection.getCreationTime();  // a Date
const cards = [];
for (const deck of Object.values(collection.getDecks())) {
  for (const card of Object.values(deck.getCards())) {
    const raw = card.getRawCard();
    const tags = collection.db.exec(`SELECT tags FROM notes WHERE id = ${raw.nid}`);
    const due = raw.type === 2 ? new Date(crt.getTime() + raw.due * 86400000) : null;
    cards.push({
      deck: deck.getName(),
      front: card.getFront(),
      back: card.getBack(),
      tags: tags[0].values[0][0].trim().split(/\s+/).filter((t) => t.length > 0),
      type: raw.type,
      queue: raw.queue,
      ivl: raw.ivl,
      factor: raw.factor,
      lapses: raw.lapses,
      due: due ? due.toISOString().slice(0, 10) : null,
    });
  }
}
cards.sort((a, b) => (a.front < b.front ? -1 : a.front > b.front ? 1 : 0));
process.stdout.write(JSON.stringify({ crt: crt.toISOString(), cards }) + '\n');
