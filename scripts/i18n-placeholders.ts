/**
 * Adds the `placeholders` block Chrome requires for every `$NAME$` a message uses (the loader refuses an
 * extension whose message names an undefined placeholder), so translators only write the message text.
 * Run: npx tsx scripts/i18n-placeholders.ts
 */
import {readFileSync, readdirSync, writeFileSync} from 'node:fs';

for (const language of readdirSync('locales')) {
  const file = `locales/${language}/messages.json`;
  const catalogue = JSON.parse(readFileSync(file, 'utf8')) as Record<string, {message: string; placeholders?: Record<string, {content: string}>}>;
  for (const entry of Object.values(catalogue)) {
    const names = [...new Set([...entry.message.matchAll(/\$([A-Za-z0-9_]+)\$/g)].map((m) => m[1]!.toLowerCase()))];
    if (names.length === 0) continue;
    entry.placeholders = Object.fromEntries(names.map((name, i) => [name, entry.placeholders?.[name] ?? {content: `$${i + 1}`}]));
  }
  writeFileSync(file, `${JSON.stringify(catalogue, null, 2)}\n`);
}
