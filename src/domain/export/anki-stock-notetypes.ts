/**
 * The text of Anki's stock note types, as Anki writes them into an exported collection: names,
 * fields, card templates and CSS, from rslib/src/notetype/stock.rs and
 * rslib/src/image_occlusion/notetype.rs.
 *
 * This is data. Flipdeck never renders or runs these templates (the Image Occlusion one carries
 * Anki's own script, which only Anki runs); it writes them so that Anki recognises the notes.
 */

export const ANKI_NOTETYPE_IDS = {
  basic: 1_700_000_000_001,
  reversed: 1_700_000_000_002,
  typeIn: 1_700_000_000_003,
  cloze: 1_700_000_000_004,
  imageOcclusion: 1_700_000_000_005,
} as const;
export type NotetypeKey = keyof typeof ANKI_NOTETYPE_IDS;

export const CSS = '.card {\n    font-family: arial;\n    font-size: 20px;\n    text-align: center;\n    color: black;\n    background-color: white;\n}\n';
export const CLOZE_CSS = `${CSS}\n.cloze {\n    font-weight: bold;\n    color: blue;\n}\n.nightMode .cloze {\n    color: lightblue;\n}\n`;
export const LATEX_PRE = '\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n\\usepackage[utf8]{inputenc}\n\\usepackage{amssymb,amsmath}\n\\pagestyle{empty}\n\\setlength{\\parindent}{0in}\n\\begin{document}\n';
export const LATEX_POST = '\\end{document}';

// rslib/src/image_occlusion/notetype.rs; the image and masks are drawn by Anki's own script.
const IO_QUESTION = `{{#Header}}<div>{{Header}}</div>{{/Header}}
<div style="display: none">{{cloze:Occlusion}}</div>
<div id="err"></div>
<div id="image-occlusion-container">
    {{Image}}
    <canvas id="image-occlusion-canvas"></canvas>
</div>
<script>
try {
    anki.setupImageCloze();
} catch (exc) {
    document.getElementById("err").innerHTML = \`Error loading image occlusion. Is your Anki version up to date?<br><br>\${exc}\`;
}
</script>
`;
const IO_ANSWER = `${IO_QUESTION}\n<div><button id="toggle">Toggle Masks</button></div>\n{{#Back Extra}}<div>{{Back Extra}}</div>{{/Back Extra}}\n`;

/**
 * Anki's stock note types, as schema 11 stores them in col.models; `stockKind` is
 * StockNotetype.OriginalStockKind, which tells current Anki which stock type a note type is
 * (Image Occlusion's editor opens only for kind 6).
 */
export const STOCK: Readonly<Record<NotetypeKey, { name: string; isCloze: boolean; stockKind: number; fields: readonly string[]; templates: readonly (readonly [string, string, string])[] }>> = {
  basic: { name: 'Basic', isCloze: false, stockKind: 1, fields: ['Front', 'Back'], templates: [['Card 1', '{{Front}}', '{{FrontSide}}\n\n<hr id=answer>\n\n{{Back}}']] },
  reversed: {
    name: 'Basic (and reversed card)',
    isCloze: false,
    stockKind: 2,
    fields: ['Front', 'Back'],
    templates: [
      ['Card 1', '{{Front}}', '{{FrontSide}}\n\n<hr id=answer>\n\n{{Back}}'],
      ['Card 2', '{{Back}}', '{{FrontSide}}\n\n<hr id=answer>\n\n{{Front}}'],
    ],
  },
  typeIn: { name: 'Basic (type in the answer)', isCloze: false, stockKind: 4, fields: ['Front', 'Back'], templates: [['Card 1', '{{Front}}\n\n{{type:Back}}', '{{Front}}\n\n<hr id=answer>\n\n{{type:Back}}']] },
  cloze: { name: 'Cloze', isCloze: true, stockKind: 5, fields: ['Text', 'Back Extra'], templates: [['Cloze', '{{cloze:Text}}', '{{cloze:Text}}<br>\n{{Back Extra}}']] },
  imageOcclusion: { name: 'Image Occlusion', isCloze: true, stockKind: 6, fields: ['Occlusion', 'Image', 'Header', 'Back Extra', 'Comments'], templates: [['Image Occlusion', IO_QUESTION, IO_ANSWER]] },
};
