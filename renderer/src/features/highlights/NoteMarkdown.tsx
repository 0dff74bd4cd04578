import Markdown from 'react-markdown';

// Notes are plain text with light Markdown: emphasis, lists, quotes, code. No HTML, no images,
// no links that could navigate the app away (a link shows as its text and address).
const ALLOWED = ['p', 'em', 'strong', 'code', 'pre', 'ul', 'ol', 'li', 'blockquote', 'br', 'del', 'hr', 'h1', 'h2', 'h3', 'h4'];

export function NoteMarkdown({ source, className }: { source: string; className?: string }) {
  return (
    <div className={`note-md ${className ?? ''}`}>
      <Markdown allowedElements={ALLOWED} unwrapDisallowed skipHtml>
        {source}
      </Markdown>
    </div>
  );
}
