import { renderMarkdown } from '../../../platform/markdown.ts';
import { Button, FilterSelect, Heading1 } from '../../../ui/components.tsx';
import type { PageContext } from '../../../ui/context.ts';
import { Layout } from '../../../ui/layout.tsx';
import { Prose } from '../../content/index.ts';
import type { Option } from '../../reference/index.ts';
import type { Story } from '../stories.ts';

export function StoryCard({ story, level = 3 }: { story: Story; level?: 2 | 3 }) {
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <li class="mkb-card">
      <Heading class="utrecht-heading-3">
        <a class="utrecht-link" href={`/succesverhalen/${story.id}`}>
          {story.title}
        </a>
      </Heading>
      {story.quote && <blockquote class="mkb-quote">“{story.quote}”</blockquote>}
      <p class="mkb-meta">
        {story.person}, {story.role} bij {story.organisation}
      </p>
    </li>
  );
}

export function StoriesPage(props: {
  ctx: PageContext;
  stories: Story[];
  themes: Option[];
  sectors: Option[];
  theme: string;
  sector: string;
}) {
  return (
    <Layout
      ctx={props.ctx}
      title="Succesverhalen"
      description="Studenten, bedrijven en hogescholen vertellen hoe werkend leren in het mkb bij hen werkt."
    >
      <Heading1>Succesverhalen</Heading1>
      <form method="get" action="/succesverhalen" class="mkb-filters">
        <FilterSelect name="thema" label="Thema" value={props.theme} options={props.themes} />
        <FilterSelect name="sector" label="Sector" value={props.sector} options={props.sectors} />
        <div class="mkb-filter mkb-filter--submit">
          <Button>Filteren</Button>
        </div>
      </form>
      {props.stories.length === 0 ? (
        <p class="utrecht-paragraph">Er zijn (nog) geen verhalen die hierbij passen.</p>
      ) : (
        <ul class="mkb-cards">
          {props.stories.map((s) => (
            <StoryCard key={s.id} story={s} level={2} />
          ))}
        </ul>
      )}
    </Layout>
  );
}

export function StoryPage({ ctx, story }: { ctx: PageContext; story: Story }) {
  return (
    <Layout ctx={ctx} title={story.title} description={story.quote || undefined}>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href="/succesverhalen">
          Alle succesverhalen
        </a>
      </p>
      <Heading1>{story.title}</Heading1>
      {story.hasImage && <img class="mkb-story-image" src={`/succesverhalen/${story.id}/afbeelding.jpg`} alt={story.imageAlt ?? ''} />}
      {story.quote && <blockquote class="mkb-quote">“{story.quote}”</blockquote>}
      <p class="mkb-meta">
        {story.person}, {story.role} bij {story.organisation}
      </p>
      <Prose html={renderMarkdown(story.body)} />
      <p class="utrecht-paragraph">
        Over de route:{' '}
        <a class="utrecht-link" href={`/routes/${story.route.slug}`}>
          {story.route.title}
        </a>
      </p>
    </Layout>
  );
}

export function ToolkitPage({
  ctx,
  assets,
}: {
  ctx: PageContext;
  assets: { id: string; title: string; description: string; filename: string }[];
}) {
  return (
    <Layout
      ctx={ctx}
      title="Communicatiemiddelen"
      description="Logo’s, sjablonen en teksten om zelf over de Mkb-route in het hbo te communiceren."
    >
      <Heading1>Communicatie&shy;middelen</Heading1>
      <p class="utrecht-paragraph mkb-lead">Logo’s, sjablonen en teksten voor uw eigen communicatie over de Mkb-route.</p>
      {assets.length === 0 ? (
        <p class="utrecht-paragraph">Er staan nog geen bestanden klaar.</p>
      ) : (
        <ul class="mkb-cards">
          {assets.map((a) => (
            <li class="mkb-card" key={a.id}>
              <h2 class="utrecht-heading-3">{a.title}</h2>
              <p>{a.description}</p>
              <p>
                <a class="utrecht-link" href={`/toolkit/${a.id}`}>
                  Download {a.filename}
                </a>
              </p>
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}
