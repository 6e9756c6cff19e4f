import { Button, CsrfField, Heading1 } from '../../../ui/components.tsx';
import type { PageContext } from '../../../ui/context.ts';
import { Layout } from '../../../ui/layout.tsx';
import type { assessmentPage } from '../page.ts';

type Data = Awaited<ReturnType<typeof assessmentPage>>;
type Values = Record<string, string | string[]>;

export function DecisionPreviewPage(props: {
  ctx: PageContext;
  id: string;
  reference: string;
  form: Values;
  mail: { to: string[]; subject: string; text: string };
}) {
  const { ctx, form, mail } = props;
  const hidden = Object.entries(form).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => [k, x] as const) : [[k, v] as const]));
  return (
    <Layout ctx={ctx} title={`Voorbeeld besluit ${props.reference}`}>
      <Heading1>Voorbeeld van de e-mail</Heading1>
      <p class="utrecht-paragraph">Zo gaat de e-mail over het besluit naar de hogeschool. Er is nog niets verstuurd.</p>
      <table class="mkb-table mkb-facts">
        <tbody>
          <tr>
            <th scope="row">Aan</th>
            <td>{mail.to.join(', ') || 'geen adres bekend'}</td>
          </tr>
          <tr>
            <th scope="row">Onderwerp</th>
            <td>{mail.subject}</td>
          </tr>
        </tbody>
      </table>
      <div class="mkb-mail">{mail.text}</div>
      <form method="post" action={`/beheer/aanmeldingen/${props.id}/besluit`}>
        <CsrfField token={ctx.csrfToken} />
        {hidden
          .filter(([k]) => k !== 'actie' && k !== '_csrf')
          .map(([k, v], i) => (
            <input type="hidden" name={k} value={v} key={`${k}-${i}`} />
          ))}
        <div class="mkb-actions">
          <Button name="actie" value="versturen">
            Besluit nemen en e-mail versturen
          </Button>
          <Button name="actie" value="aanpassen" secondary>
            Aanpassen
          </Button>
        </div>
      </form>
    </Layout>
  );
}
