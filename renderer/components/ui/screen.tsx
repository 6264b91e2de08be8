import type { ReactNode } from 'react';

/**
 * A tab's screen that is one scrolling column (styles/app.css, `.screen`): its heading (which
 * names the section), a line of introduction, then the content. `name` is the feature's class
 * and the heading's id prefix.
 */
export function Screen({
  name,
  heading,
  intro,
  children,
}: {
  name: string;
  heading: ReactNode;
  intro: ReactNode;
  children: ReactNode;
}) {
  return (
    <section className={`${name} screen`} aria-labelledby={`${name}-heading`}>
      <h2 id={`${name}-heading`} className="screen-heading">
        {heading}
      </h2>
      <p className="muted screen-intro">{intro}</p>
      {children}
    </section>
  );
}
