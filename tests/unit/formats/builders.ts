import { strToU8, zipSync } from 'fflate';

// Small EPUB and DOCX files built in memory (fflate's zipSync), for the unit and e2e tests.

const xhtml = (title: string, body: string): string =>
  `<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml" xml:lang="en"><head><title>${title}</title></head><body>${body}</body></html>`;

/** A small EPUB 3 (with an EPUB 2 NCX beside the nav): two chapters, spine order differs from file order. */
export function buildEpub(opts: { version?: 2 | 3; encrypted?: boolean } = {}): Uint8Array {
  const v3 = (opts.version ?? 3) === 3;
  const files: Record<string, Uint8Array> = {
    mimetype: strToU8('application/epub+zip'),
    'META-INF/container.xml': strToU8(
      '<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>',
    ),
    'OEBPS/content.opf': strToU8(`<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="${v3 ? '3.0' : '2.0'}" unique-identifier="id">
      <metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:identifier id="id">urn:x</dc:identifier><dc:title>The Winter Book</dc:title><dc:creator>Ana Popescu</dc:creator><dc:language>fr-FR</dc:language><dc:date>2021-03-04</dc:date></metadata>
      <manifest>
        ${v3 ? '<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>' : ''}
        <item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>
        <item id="c2" href="text/ch2.xhtml" media-type="application/xhtml+xml"/>
        <item id="c1" href="text/ch1.xhtml" media-type="application/xhtml+xml"/>
      </manifest>
      <spine toc="ncx"><itemref idref="c1"/><itemref idref="c2"/></spine></package>`),
    'OEBPS/toc.ncx': strToU8(
      '<?xml version="1.0"?><ncx xmlns="http://www.daisy.org/z3986/2005/ncx/"><navMap><navPoint id="n1"><navLabel><text>One: Snow</text></navLabel><content src="text/ch1.xhtml"/></navPoint><navPoint id="n2"><navLabel><text>Two: Thaw</text></navLabel><content src="text/ch2.xhtml#start"/></navPoint></navMap></ncx>',
    ),
    'OEBPS/text/ch1.xhtml': strToU8(xhtml('ch1', '<h2>Snow</h2><p>Le premier chapitre parle de la neige et de <em>l’hiver</em> dans la ville.</p><h3>At night</h3><p>La nuit est longue et il fait très froid dans les rues.</p>')),
    'OEBPS/text/ch2.xhtml': strToU8(xhtml('ch2', '<p id="start">Le second chapitre n’a pas de titre à lui, mais la table des matières lui en donne un.</p><blockquote><p>Une citation célèbre sur le dégel.</p></blockquote>')),
  };
  if (v3) files['OEBPS/nav.xhtml'] = strToU8(xhtml('nav', '<nav epub:type="toc" xmlns:epub="http://www.idpf.org/2007/ops"><ol><li><a href="text/ch1.xhtml">Chapter One: Snow</a></li><li><a href="text/ch2.xhtml">Chapter Two: Thaw</a></li></ol></nav>'));
  if (opts.encrypted) files['META-INF/encryption.xml'] = strToU8('<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><EncryptedData xmlns="http://www.w3.org/2001/04/xmlenc#"/></encryption>');
  return zipSync(files);
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const para = (text: string, style?: string, runs?: string): string =>
  `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ''}${runs ?? `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`}</w:p>`;

/** A small .docx: a title heading, a section heading, a paragraph with bold and italic runs and a footnote. */
export function buildDocx(): Uint8Array {
  const body = [
    para('Council Minutes', 'Heading1'),
    para('', undefined, '<w:r><w:t xml:space="preserve">The council </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>approved</w:t></w:r><w:r><w:t xml:space="preserve"> the </w:t></w:r><w:r><w:rPr><w:i/></w:rPr><w:t>winter plan</w:t></w:r><w:r><w:t xml:space="preserve"> on Tuesday.</w:t></w:r><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="1"/></w:r>'),
    para('Next steps', 'Heading2'),
    para('The plan starts in December and runs until March next year.'),
  ].join('');
  return zipSync({
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    'word/_rels/document.xml.rels': strToU8(
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/></Relationships>',
    ),
    'word/document.xml': strToU8(`<?xml version="1.0"?><w:document ${W}><w:body>${body}</w:body></w:document>`),
    'word/styles.xml': strToU8(
      `<?xml version="1.0"?><w:styles ${W}><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style><w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/></w:style></w:styles>`,
    ),
    'word/footnotes.xml': strToU8(
      `<?xml version="1.0"?><w:footnotes ${W}><w:footnote w:id="1"><w:p><w:r><w:t>Minutes approved at the next meeting.</w:t></w:r></w:p></w:footnote></w:footnotes>`,
    ),
    'docProps/core.xml': strToU8(
      '<?xml version="1.0"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"><dc:creator>Clerk of the Council</dc:creator><dcterms:created>2022-11-29T10:00:00Z</dcterms:created></cp:coreProperties>',
    ),
  });
}

