// Writes an Anki package with the npm package anki-apkg-export (independent of recall): the cards
// given as JSON on stdin, [{"front": …, "back": …, "tags": […]}], into deck NAME at FILE.
// Used by tests/cli/test_anki.cpp. Usage: node make-apkg.mjs NAME FILE < cards.json
import { readFileSync, writeFileSync } from 'node:fs';
import AnkiExport from 'anki-apkg-export';

const [name, file] = process.argv.slice(2);
const cards = JSON.parse(readFileSync(0, 'utf8'));
const apkg = new (AnkiExport.default ?? AnkiExport)(name);
for (const card of cards) apkg.addCard(card.front, card.back, { tags: card.tags ?? [] });
writeFileSync(file, await apkg.save());
