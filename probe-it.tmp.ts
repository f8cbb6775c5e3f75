import { understand } from './lambda/understanding/understanding';
const cases: [string, string?][] = process.argv.slice(2).map((arg) => { const [text, asked] = arg.split('|'); return [text!, asked]; });
for (const [text, asked] of cases) {
  const u = understand({ text, locale: 'it-IT', today: '2026-11-26', ...(asked ? { expecting: [asked as never] } : {}) });
  console.log(JSON.stringify(text), asked ?? '', '→', u.intent, Object.entries(u.slots).map(([k, v]) => `${k}=${v.id ?? v.value}`).join(' '), u.confidence);
}
