import { encode } from 'uqr';
import { describe, expect, it } from 'vitest';
import { darkModulesPath, makeQrCode, qrFileName, qrSvgFile } from './qr-code';

const url = 'https://user.github.io/flipdeck/#/deck/c3-containers-iaas-storage';

/** The dark modules a path from `darkModulesPath` paints, read back as a grid. */
function paint(path: string, size: number): boolean[][] {
  const grid = Array.from({ length: size }, () => Array<boolean>(size).fill(false));
  for (const [, x, y, width] of path.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) {
    for (let i = 0; i < Number(width); i += 1) grid[Number(y)]![Number(x) + i] = true;
  }
  return grid;
}

describe('darkModulesPath', () => {
  it('draws each run of dark modules in a row as one rectangle', () => {
    expect(darkModulesPath([[true, true, false, true], [false, false, false, false], [false, true, true, true]])).toBe(
      'M0 0h2v1h-2zM3 0h1v1h-1zM1 2h3v1h-3z',
    );
  });

  it('paints exactly the dark modules of a real code', () => {
    const { data, size } = encode(url, { ecc: 'M', border: 4 });
    expect(paint(darkModulesPath(data), size)).toEqual(data);
  });
});

describe('makeQrCode', () => {
  it('encodes the link with a 4-module quiet zone, labelled for the deck', () => {
    const qr = makeQrCode(url, 'C3: Containers, IaaS & Storage');
    const { data, size } = encode(url, { ecc: 'M', border: 4 });
    expect(qr.sizeModules).toBe(size);
    expect(qr.pathData).toBe(darkModulesPath(data));
    expect(data.slice(0, 4).flat().some(Boolean)).toBe(false);
    expect(qr.label).toBe('QR code for the link to C3: Containers, IaaS & Storage');
    expect(qr.fileName).toBe('c3-containers-iaas-storage-qr.svg');
  });

  it('offers the same code as a standalone SVG file in a data URL', () => {
    const qr = makeQrCode(url, 'C3');
    expect(qr.fileHref.startsWith('data:image/svg+xml;charset=utf-8,')).toBe(true);
    const file = decodeURIComponent(qr.fileHref.slice(qr.fileHref.indexOf(',') + 1));
    expect(file).toBe(qrSvgFile(qr.sizeModules, qr.pathData, qr.label));
  });

  it('throws for a link too long for any QR code', () => {
    expect(() => makeQrCode(`https://host/#/deck/${'x'.repeat(8000)}`, 'Long')).toThrow();
  });
});

describe('qrSvgFile', () => {
  it('is a black-on-white SVG whose title escapes the deck title', () => {
    const file = qrSvgFile(29, 'M4 4h7v1h-7z', 'QR code for the link to <Tom & Jerry\'s "deck">');
    expect(file).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 29 29" width="232" height="232"/);
    expect(file).toContain('<title>QR code for the link to &lt;Tom &amp; Jerry&apos;s &quot;deck&quot;&gt;</title>');
    expect(file).toContain('<rect width="29" height="29" fill="#fff"/><path d="M4 4h7v1h-7z" fill="#000"/>');
  });
});

describe('qrFileName', () => {
  it.each([
    ['C3: Containers', 'c3-containers-qr.svg'],
    ['Équations différentielles', 'equations-differentielles-qr.svg'],
    ['日本語', 'flipdeck-qr.svg'],
    ['  --  ', 'flipdeck-qr.svg'],
  ])('%j → %j', (title, name) => {
    expect(qrFileName(title)).toBe(name);
  });
});
