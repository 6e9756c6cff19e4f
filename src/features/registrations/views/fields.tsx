import { LIMITS } from '../../../platform/limits.ts';
import { DateField, errorFor, type FieldErrors, fieldId, SelectField, TextArea, TextField } from '../../../ui/components.tsx';
import { MAX_ROWS, rowCount } from '../rows.ts';
import type { Choices, Values } from '../schemas.ts';
import type { Field } from '../steps.ts';

const str = (v: string | string[] | undefined) => (typeof v === 'string' ? v : '');

function GroupError({ errors, name }: { errors?: FieldErrors; name: string }) {
  const error = errorFor(errors, name);
  if (!error) return null;
  return (
    <div class="utrecht-form-field-error-message" id={`fout-${name}`}>
      <span class="mkb-visually-hidden">Fout: </span>
      {error}
    </div>
  );
}

function Optional({ field }: { field: Field }) {
  return field.required ? null : <span class="mkb-meta"> (niet verplicht)</span>;
}

/** One question of the registration form, drawn from its description in steps.ts. */
export function FormField({ field, values, errors, choices }: { field: Field; values: Values; errors?: FieldErrors; choices: Choices }) {
  const common = { name: field.name, label: field.label, hint: field.hint, errors, required: Boolean(field.required) };
  switch (field.kind) {
    case 'text':
      return <TextField {...common} maxLength={field.max} autocomplete={field.autocomplete} value={str(values[field.name])} />;
    case 'email':
      return <TextField {...common} type="email" autocomplete="email" maxLength={LIMITS.email} value={str(values[field.name])} />;
    case 'tel':
      return <TextField {...common} type="tel" autocomplete="tel" maxLength={LIMITS.phone} value={str(values[field.name])} />;
    case 'postcode':
    case 'croho':
    case 'integer':
      return <TextField {...common} maxLength={12} value={str(values[field.name])} />;
    case 'date':
      return <DateField {...common} value={str(values[field.name])} />;
    case 'textarea':
      return <TextArea {...common} rows={field.rows ?? 6} maxLength={field.max} value={str(values[field.name])} />;
    case 'select':
      return <SelectField {...common} placeholder="Maak een keuze" options={choices[field.options]} value={str(values[field.name])} />;
    case 'radio':
    case 'checkboxes': {
      const options = typeof field.options === 'string' ? choices[field.options] : field.options;
      const selected = values[field.name];
      const list = Array.isArray(selected) ? selected : selected ? [selected] : [];
      const invalid = Boolean(errorFor(errors, field.name));
      const type = field.kind === 'radio' ? 'radio' : 'checkbox';
      return (
        <fieldset
          class={`utrecht-form-fieldset mkb-fieldset${invalid ? ' mkb-fieldset--invalid' : ''}`}
          aria-describedby={
            [field.hint ? `uitleg-${field.name}` : '', invalid ? `fout-${field.name}` : ''].filter(Boolean).join(' ') || undefined
          }
        >
          <legend class="utrecht-form-fieldset__legend">
            {field.label}
            <Optional field={field} />
          </legend>
          {field.hint && (
            <div class="utrecht-form-field-description" id={`uitleg-${field.name}`}>
              {field.hint}
            </div>
          )}
          <GroupError errors={errors} name={field.name} />
          {options.map((o: { value: string; label: string; description?: string }, i) => {
            const id = i === 0 ? fieldId(field.name) : `${fieldId(field.name)}-${i}`;
            return (
              <div class="mkb-choice" key={o.value}>
                <input
                  type={type}
                  id={id}
                  name={field.name}
                  value={o.value}
                  checked={list.includes(o.value)}
                  aria-describedby={o.description ? `${id}-uitleg` : undefined}
                />
                <div>
                  <label for={id}>{o.label}</label>
                  {o.description && (
                    <div class="mkb-choice__hint" id={`${id}-uitleg`}>
                      {o.description}
                    </div>
                  )}
                </div>
              </div>
            );
          })}
        </fieldset>
      );
    }
    case 'checkbox': {
      const invalid = Boolean(errorFor(errors, field.name));
      return (
        <fieldset class={`utrecht-form-fieldset mkb-fieldset${invalid ? ' mkb-fieldset--invalid' : ''}`}>
          <legend class="utrecht-form-fieldset__legend">
            {field.label}
            <Optional field={field} />
          </legend>
          <GroupError errors={errors} name={field.name} />
          <div class="mkb-choice">
            <input
              type="checkbox"
              id={fieldId(field.name)}
              name={field.name}
              value="ja"
              checked={values[field.name] === 'ja'}
              aria-describedby={invalid ? `fout-${field.name}` : undefined}
            />
            <label for={fieldId(field.name)}>{field.text}</label>
          </div>
        </fieldset>
      );
    }
    case 'rows': {
      const rowErrors = (errors ?? []).filter((e) => e.field.startsWith(`${field.name}_`));
      const count = rowCount(field, values);
      return (
        <fieldset class={`utrecht-form-fieldset mkb-fieldset${rowErrors.length ? ' mkb-fieldset--invalid' : ''}`} id={fieldId(field.name)}>
          <legend class="utrecht-form-fieldset__legend">
            {field.label}
            <Optional field={field} />
          </legend>
          {field.hint && <div class="utrecht-form-field-description">{field.hint}</div>}
          {rowErrors.map((e) => (
            <div class="utrecht-form-field-error-message" id={`fout-${e.field}`} key={e.field}>
              <span class="mkb-visually-hidden">Fout: </span>
              {e.message}
            </div>
          ))}
          <table class="mkb-table mkb-rows">
            <thead>
              <tr>
                <th scope="col">
                  <span class="mkb-visually-hidden">Rij</span>
                </th>
                {field.columns.map((c) => (
                  <th scope="col" key={c.name}>
                    {c.label}
                  </th>
                ))}
                {count > 1 && (
                  <th scope="col">
                    <span class="mkb-visually-hidden">Verwijderen</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {Array.from({ length: count }, (_, r) => r + 1).map((row) => (
                <tr key={row}>
                  <th scope="row">{row}</th>
                  {field.columns.map((c) => {
                    const name = `${field.name}_${row}_${c.name}`;
                    const invalid = Boolean(errorFor(errors, name));
                    return (
                      <td key={c.name}>
                        <label class="mkb-visually-hidden" for={fieldId(name)}>
                          {c.label}, rij {row}
                        </label>
                        <input
                          class={`utrecht-textbox utrecht-textbox--html-input${invalid ? ' utrecht-textbox--invalid' : ''}`}
                          id={fieldId(name)}
                          name={name}
                          type="text"
                          maxLength={c.kind === 'kvk' ? 20 : c.max}
                          inputMode={c.kind === 'kvk' ? 'numeric' : undefined}
                          value={str(values[name])}
                          aria-invalid={invalid ? 'true' : undefined}
                          aria-describedby={invalid ? `fout-${name}` : undefined}
                        />
                      </td>
                    );
                  })}
                  {count > 1 && (
                    <td>
                      <button class="mkb-link-button" type="submit" name="actie" value={`rij-weg:${field.name}:${row}`}>
                        Verwijderen
                        <span class="mkb-visually-hidden">
                          {' '}
                          ({field.item} in rij {row})
                        </span>
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
          {count < MAX_ROWS && (
            <button
              class="utrecht-button utrecht-button--secondary-action mkb-add-row"
              type="submit"
              name="actie"
              value={`rij-erbij:${field.name}`}
            >
              Nog een {field.item} toevoegen
            </button>
          )}
        </fieldset>
      );
    }
    case 'file': {
      const current = str(values[`${field.name}_filename`]);
      const invalid = Boolean(errorFor(errors, field.name));
      return (
        <div class={`utrecht-form-field${invalid ? ' utrecht-form-field--invalid' : ''}`}>
          <p class="utrecht-form-field__label">
            <label class="utrecht-form-label" for={fieldId(field.name)}>
              {field.label}
              <Optional field={field} />
            </label>
          </p>
          {field.hint && (
            <div class="utrecht-form-field-description" id={`uitleg-${field.name}`}>
              {field.hint}
              {current && ` Nu opgeslagen: ${current}. Kies een nieuw bestand om het te vervangen.`}
            </div>
          )}
          <GroupError errors={errors} name={field.name} />
          <input
            id={fieldId(field.name)}
            name={field.name}
            type="file"
            accept="application/pdf,.pdf"
            aria-invalid={invalid ? 'true' : undefined}
            aria-describedby={
              [field.hint ? `uitleg-${field.name}` : '', invalid ? `fout-${field.name}` : ''].filter(Boolean).join(' ') || undefined
            }
          />
        </div>
      );
    }
  }
}
