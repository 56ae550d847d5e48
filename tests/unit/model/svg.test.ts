/**
 * The SVG check: every way an SVG can run script, load another file or hide one is refused,
 * naming what it holds; a clean drawing (gradients, local <use>, a stylesheet, editors' markup)
 * is published as the sanitiser writes it, its size as browsers take it.
 */
import { describe, expect, it } from 'vitest';
import { checkSvg, cssProblems } from '../../../src/model/svg.ts';

const SVG = 'xmlns="http://www.w3.org/2000/svg"';
const check = (text: string) => checkSvg(Buffer.from(text));
const problem = (text: string) => {
  const result = check(text);
  return 'problem' in result ? result.problem : undefined;
};

describe('an SVG image', () => {
  it.each([
    ['a script', `<svg ${SVG}><script>alert(1)</script></svg>`, '<script>'],
    [
      'a script in the XHTML namespace',
      `<svg ${SVG}><script xmlns="http://www.w3.org/1999/xhtml">alert(1)</script></svg>`,
      '<script>',
    ],
    ['an event handler', `<svg ${SVG} onload="alert(1)"><rect/></svg>`, 'an event handler onload='],
    [
      'foreignObject',
      `<svg ${SVG}><foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject></svg>`,
      '<foreignObject>',
    ],
    [
      'a javascript: link',
      `<svg ${SVG}><a href="javascript:alert(1)"><rect/></a></svg>`,
      'an external reference href="javascript:alert(1)"',
    ],
    [
      'an xlink:href to another file',
      `<svg ${SVG} xmlns:xlink="http://www.w3.org/1999/xlink"><use xlink:href="other.svg#a"/></svg>`,
      'an external reference xlink:href="other.svg#a"',
    ],
    [
      'an image on another host',
      `<svg ${SVG}><image href="https://elsewhere.example/x.png"/></svg>`,
      'an external reference href="https://elsewhere.example/x.png"',
    ],
    [
      'an image as a data: address',
      `<svg ${SVG}><image href="data:image/svg+xml,%3Csvg%3E"/></svg>`,
      'an external reference href="data:',
    ],
    [
      '@import in a stylesheet',
      `<svg ${SVG}><style>@import "https://elsewhere.example/a.css";</style></svg>`,
      'CSS @import in <style>',
    ],
    [
      'url() in a stylesheet',
      `<svg ${SVG}><style>.a{background:url(https://elsewhere.example/t)}</style></svg>`,
      'CSS loading url(https://elsewhere.example/t) in <style>',
    ],
    [
      'url() in a style attribute',
      `<svg ${SVG}><rect style="fill:url(https://elsewhere.example/g)"/></svg>`,
      'CSS loading url(https://elsewhere.example/g) in style=',
    ],
    ['url() in a fill', `<svg ${SVG}><rect fill="url(other.svg#g)"/></svg>`, 'CSS loading url(other.svg#g) in fill='],
    [
      'an escaped url()',
      `<svg ${SVG}><style>.a{fill:u\\72l(https://elsewhere.example/)}</style></svg>`,
      'CSS that does not parse cleanly',
    ],
    [
      'an animation that sets a link',
      `<svg ${SVG}><a><set attributeName="href" to="javascript:alert(1)"/><rect/></a></svg>`,
      '<set>',
    ],
    [
      'a stylesheet processing instruction',
      `<?xml-stylesheet type="text/xsl" href="x.xsl"?><svg ${SVG}/>`,
      'a processing instruction <?xml-stylesheet?>',
    ],
    ['a DOCTYPE with an entity', `<!DOCTYPE svg [<!ENTITY a "b">]><svg ${SVG}><text>&a;</text></svg>`, 'a DOCTYPE'],
  ])('holding %s is refused, naming it', (_, text, named) => {
    expect(problem(text)).toMatch(/^holds what a published image cannot: /);
    expect(problem(text)).toContain(named);
  });

  it('with an external entity, or not well-formed, or not SVG at all, is refused as not an SVG image', () => {
    expect(problem(`<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]><svg ${SVG}><text>&x;</text></svg>`)).toBe(
      'is not an SVG image: it is not well-formed XML',
    );
    expect(problem(`<svg ${SVG}><g></svg>`)).toBe('is not an SVG image: it is not well-formed XML');
    expect(problem('<html><body>x</body></html>')).toBe(
      'is not an SVG image: its root element is <html>, expected <svg> in the SVG namespace',
    );
    expect(problem('<svg><rect/></svg>')).toMatch(/expected <svg> in the SVG namespace/);
    expect(checkSvg(Buffer.from([0x3c, 0x73, 0xff, 0x3e]))).toEqual({
      problem: 'is not an SVG image: its bytes are not UTF-8 text',
    });
  });

  it('that is a clean drawing is published as the sanitiser writes it, less comments and editors’ markup', () => {
    const drawing = [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<!-- Generator: a drawing program -->',
      `<svg ${SVG} xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" width="200" height="100" viewBox="0 0 400 200" inkscape:version="1.3">`,
      '<defs><linearGradient id="g"><stop offset="0" stop-color="#0b4f9c"/></linearGradient><rect id="bar" width="10" height="50"/></defs>',
      '<style><![CDATA[ .a { fill: url(#g) } ]]></style>',
      '<rect class="a" width="400" height="200" fill="url(#g)"/><use xlink:href="#bar" x="20"/><use href="#bar" x="40"/>',
      '<text x="10" y="190">Orders &amp; deliveries &lt;2026&gt;</text>',
      '</svg>',
    ].join('\n');
    const result = check(drawing);
    expect(result).toEqual({
      svg: [
        // The xlink namespace stays declared where the drawing declared it; Inkscape's goes.
        `<svg ${SVG} xmlns:xlink="http://www.w3.org/1999/xlink" width="200" height="100" viewBox="0 0 400 200">`,
        '<defs><linearGradient id="g"><stop offset="0" stop-color="#0b4f9c"/></linearGradient><rect id="bar" width="10" height="50"/></defs>',
        '<style> .a { fill: url(#g) } </style>',
        '<rect class="a" width="400" height="200" fill="url(#g)"/><use xlink:href="#bar" x="20"/><use href="#bar" x="40"/>',
        '<text x="10" y="190">Orders &amp; deliveries &lt;2026&gt;</text>',
        '</svg>',
      ].join('\n'),
      width: 200,
      height: 100,
    });
  });

  it('is shown at the size it states, one side from the other and its viewBox, or 300 × 150', () => {
    const size = (attributes: string) => {
      const result = check(`<svg ${SVG} ${attributes}><rect/></svg>`);
      return 'svg' in result ? [result.width, result.height] : result.problem;
    };
    expect(size('width="320px" height="160"')).toEqual([320, 160]);
    expect(size('width="320" viewBox="0 0 100 50"')).toEqual([320, 160]);
    expect(size('height="80" viewBox="0 0 100 50"')).toEqual([160, 80]);
    expect(size('viewBox="0,0,640,480"')).toEqual([640, 480]);
    expect(size('width="100%"')).toEqual([300, 150]);
  });
});

describe('CSS in an SVG', () => {
  it('may use media queries, keyframes and local references; nothing that loads', () => {
    expect(
      cssProblems('@media (prefers-color-scheme: dark) { .a { fill: #fff } } .b { fill: url(#g) }', 'stylesheet'),
    ).toEqual([]);
    expect(cssProblems('@font-face { font-family: x; src: local(Arial) }', 'stylesheet')).toEqual(['CSS @font-face']);
    expect(cssProblems('background-image: image-set("a.png" 1x)', 'declarationList')).toEqual(['CSS image-set()']);
    expect(cssProblems('--x: url(https://elsewhere.example/)', 'declarationList')).toEqual([
      'CSS loading url(https://elsewhere.example/)',
    ]);
  });
});
