import { Fragment } from 'react';
import { BLANK } from './types';

/** A prompt with its [...] shown as a blank (read out as "blank"). */
export function PromptText({ text }: { text: string }) {
  const parts = text.split(BLANK);
  return (
    <>
      {parts.map((p, i) => (
        <Fragment key={i}>
          {p}
          {i < parts.length - 1 ? (
            <span className="study-blank" aria-label="blank" role="img">
              […]
            </span>
          ) : null}
        </Fragment>
      ))}
    </>
  );
}

/** A passage with the first occurrence of the answer marked. */
export function PassageWithAnswer({ passage, answer }: { passage: string; answer: string }) {
  const at = answer ? passage.indexOf(answer) : -1;
  if (at < 0) return <>{passage}</>;
  return (
    <>
      {passage.slice(0, at)}
      <mark className="study-answer-mark">{answer}</mark>
      {passage.slice(at + answer.length)}
    </>
  );
}
