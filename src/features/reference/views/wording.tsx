import { BackOfficePage } from '../../../ui/back-office.tsx';
import { Button, CsrfField, type FieldErrors, TextArea, TextField } from '../../../ui/components.tsx';
import type { PageContext } from '../../../ui/context.ts';

type Criterion = { code: string; title: string; description: string };
type Theme = { value: string; label: string };

/**
 * The wording of the criteria and the names of the themes. Errors belong to one form (`which`),
 * whose fields are named after the item, so each form keeps its own values and messages.
 */
export function WordingPage(props: {
  ctx: PageContext;
  criteria: Criterion[];
  themes: Theme[];
  sectors: Theme[];
  notice?: string | null;
  errors?: FieldErrors;
  values?: Record<string, string>;
}) {
  const v = (name: string, fallback: string) => props.values?.[name] ?? fallback;
  return (
    <BackOfficePage ctx={props.ctx} title="Criteria, thema’s en sectoren" notice={props.notice} errors={props.errors}>
      <p class="utrecht-paragraph">
        Een nieuwe tekst staat meteen overal waar het criterium of thema getoond wordt. Hoofdstukken van de handreiking die ernaar verwijzen
        worden gemarkeerd voor beoordeling, en hun eigenaar krijgt bericht.
      </p>
      <h2 class="utrecht-heading-2">Criteria</h2>
      {props.criteria.map((c) => (
        <form key={c.code} method="post" action={`/beheer/teksten/criteria/${c.code}`} class="mkb-form mkb-card" noValidate>
          <CsrfField token={props.ctx.csrfToken} />
          <h3 class="utrecht-heading-3">{c.code}</h3>
          <TextField
            name={`title_${c.code}`}
            label={`Naam van ${c.code}`}
            value={v(`title_${c.code}`, c.title)}
            maxLength={200}
            required
            errors={props.errors}
          />
          <TextArea
            name={`description_${c.code}`}
            label={`Omschrijving van ${c.code}`}
            value={v(`description_${c.code}`, c.description)}
            maxLength={1_000}
            rows={3}
            required
            errors={props.errors}
          />
          <Button secondary>{c.code} opslaan</Button>
        </form>
      ))}
      <h2 class="utrecht-heading-2">Thema’s</h2>
      {props.themes.map((t) => (
        <form key={t.value} method="post" action={`/beheer/teksten/themas/${t.value}`} class="mkb-form mkb-inline-form" noValidate>
          <CsrfField token={props.ctx.csrfToken} />
          <TextField
            name={`name_${t.value}`}
            label={`Thema (${t.value})`}
            value={v(`name_${t.value}`, t.label)}
            maxLength={200}
            required
            errors={props.errors}
          />
          <Button secondary>Opslaan</Button>
        </form>
      ))}
      <h2 class="utrecht-heading-2">Sectoren</h2>
      <p class="utrecht-paragraph">
        De secties van de Standaard Bedrijfsindeling (SBI) van het CBS. De letter blijft; de naam mag korter, zoals hij in de lijsten moet
        staan.
      </p>
      {props.sectors.map((t) => (
        <form key={t.value} method="post" action={`/beheer/teksten/sectoren/${t.value}`} class="mkb-form mkb-inline-form" noValidate>
          <CsrfField token={props.ctx.csrfToken} />
          <TextField
            name={`sector_${t.value}`}
            label={`Sector ${t.value}`}
            value={v(`sector_${t.value}`, t.label)}
            maxLength={200}
            required
            errors={props.errors}
          />
          <Button secondary>Opslaan</Button>
        </form>
      ))}
    </BackOfficePage>
  );
}
