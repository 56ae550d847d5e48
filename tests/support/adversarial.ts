/** Texts that try to be something other than text: each must import, build and show exactly. */

const META = [
  'Braces { and } and <angle> brackets, *stars*, _underscores_, `backticks`, | pipes |, ~tildes~ and \\ backslashes \\',
  '# Not a heading',
  '1. Not a list item',
  '2) Nor this one',
  '- Not a bullet',
  '+ Not a bullet either',
  '> Not a quotation',
  '---',
  '***',
  '___',
  '===',
  'import x from "y"',
  'export const a = 1',
  'import{a}from"b"',
  '{process.exit(1)}',
  '{globalThis.alert?.("expression")}',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '<em>not emphasis</em> and a literal &nbsp; and &amp; and &#65; and &#x41;',
  '<!-- not a comment -->',
  '[not a link](https://example.org) and ![not an image](x.png) and [^1] and [ ] and [x]',
  '[^1]: not a footnote',
  '- [ ] not a task',
  '| a | b |',
  '|---|---|',
  '~~not struck~~ and __not strong__ and **not strong**',
  'A bare https://www.example.gov/path_with_underscores] and www.example.com/a_b and mail@example.com.',
  '<https://not.an.autolink.example>',
  'A line ending in a backslash \\',
  'Dollars $x$ and $$y$$, percent %, caret ^, at @, colon : and ::: fences :::',
  '```js',
  'console.log("not code")',
  '```',
  '    Four spaces inside: tab\there and  two  spaces',
];

const SCRIPTS = [
  'مرحبا بالعالم — שלום עולם — right to left',
  'Mixed: abc \u202Ecba\u202C and \u2067isolate\u2069 marks',
  'Combining: e\u0301 a\u0308 Z\u0324\u0354\u0367\u0311\u0313a\u0308\u0356\u032D\u0308\u0307lg\u0306o\u0319',
  'Emoji: 🇪🇺 👩🏽‍💻 🏳️‍🌈 ✊🏿 and a zero\u200Bwidth space',
  'Controls: bell\u0007 escape\u001b[31m delete\u007f start\u0001 next-line\u0085 line-separator\u2028 here',
];

/** JSON Lines records of adversarial releases, each with its own source address. */
export function adversarialRecords(): Record<string, string>[] {
  const record = (n: number, title: string, text: string) => ({
    title,
    speaker: 'A. Tester',
    date: '2020-02-29',
    venue: '<b>{venue}</b>',
    text,
    source_url: `https://example.org/adversarial/${n}`,
  });
  return [
    record(1, 'Markup that must stay text: {braces} <script>alert(1)</script> `code` *stars*', META.join('\n')),
    record(2, 'Scripts, marks and emoji', SCRIPTS.join('\n\n')),
    record(3, 'A paragraph of one megabyte', `Start ${'word and {brace} <tag> & more '.repeat(32_000)}end`),
    record(4, 'import x from "y"', 'export default function () {}\n\nimport("./pwned.js")'),
    {
      title: '"><img src=x onerror=alert("title")> {braces} `backticks` ${template}',
      speaker: '<script>alert("speaker")</script>',
      role: '"><img src=x onerror=alert("role")>',
      organisation: '<script>alert("organisation")</script> & Co',
      venue: '"><svg onload=alert("venue")>',
      date: '2020-03-01',
      text: `Injected: <script>alert("text")</script> and "><img src=x onerror=alert("text")> and {alert("braces")} and \`\${alert("template")}\`\n\n<a href="javascript:alert('link')">a link</a>`,
      source_url: 'javascript:alert("source")',
    },
  ];
}
