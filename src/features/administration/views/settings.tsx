import { BackOfficePage } from '../../../ui/back-office.tsx';
import { Button, CsrfField, type FieldErrors, TextField } from '../../../ui/components.tsx';
import type { PageContext } from '../../../ui/context.ts';
import type { SettingRow } from '../settings.ts';

export function SettingsPage(props: {
  ctx: PageContext;
  groups: { title: string; items: SettingRow[] }[];
  values?: Record<string, string>;
  errors?: FieldErrors;
  notice?: string | null;
}) {
  return (
    <BackOfficePage ctx={props.ctx} title="Instellingen" notice={props.notice} errors={props.errors}>
      <p class="utrecht-paragraph">
        Alle instellingen van het platform op één plek. Laat een veld leeg om de standaard te gebruiken. Elke wijziging staat in het
        logboek.
      </p>
      <form method="post" action="/beheer/instellingen" class="mkb-form" novalidate>
        <CsrfField token={props.ctx.csrfToken} />
        {props.groups.map((g) => (
          <fieldset key={g.title} class="utrecht-form-fieldset mkb-fieldset">
            <legend class="utrecht-form-fieldset__legend">{g.title}</legend>
            {g.items.map((s) => (
              <TextField
                key={s.key}
                name={s.key}
                label={`${s.label} (${s.unit})`}
                hint={`${s.description} Standaard: ${s.default} ${s.unit}; mogelijk van ${s.min} tot en met ${s.max}.`}
                value={props.values ? props.values[s.key] : (s.stored ?? '')}
                errors={props.errors}
                inputMode="numeric"
                maxLength={6}
              />
            ))}
          </fieldset>
        ))}
        <Button>Instellingen opslaan</Button>
      </form>
    </BackOfficePage>
  );
}
