import type { ComponentChildren } from 'preact';
import { ErrorSummary, type FieldErrors, Heading1, Notice } from './components.tsx';
import type { PageContext } from './context.ts';
import { Layout } from './layout.tsx';

/**
 * The frame of every back-office page: the way back, the heading, a confirmation of what just
 * happened and the error summary, always in that order, so each page of /beheer reads the same.
 */
export function BackOfficePage(props: {
  ctx: PageContext;
  title: string;
  heading?: string;
  back?: { href: string; text: string };
  notice?: string | null;
  errors?: FieldErrors;
  children: ComponentChildren;
}) {
  const back = props.back ?? { href: '/beheer', text: 'Terug naar beheer' };
  return (
    <Layout ctx={props.ctx} title={props.title}>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={back.href}>
          {back.text}
        </a>
      </p>
      <Heading1>{props.heading ?? props.title}</Heading1>
      {props.notice && <Notice kind="ok">{props.notice}</Notice>}
      <ErrorSummary errors={props.errors} />
      {props.children}
    </Layout>
  );
}
