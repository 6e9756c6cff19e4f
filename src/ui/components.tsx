import { type ComponentChildren, Fragment } from 'preact';

/** Field errors in the order the fields appear on the page. */
export type FieldErrors = { field: string; message: string }[];

export const fieldId = (name: string) => `veld-${name}`;
const errorId = (name: string) => `fout-${name}`;
const hintId = (name: string) => `uitleg-${name}`;

export function errorFor(errors: FieldErrors | undefined, field: string): string | undefined {
  return errors?.find((e) => e.field === field)?.message;
}

export function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name="_csrf" value={token} />;
}

/** At the top of a form that came back with errors; each line links to its field. */
export function ErrorSummary({ errors }: { errors: FieldErrors | undefined }) {
  if (!errors || errors.length === 0) return null;
  return (
    // autofocus: the summary gets the focus when the page loads, so it is read out first, without JavaScript.
    <div class="mkb-error-summary" role="alert" aria-labelledby="foutoverzicht-titel" tabIndex={-1} id="foutoverzicht" autofocus>
      <h2 id="foutoverzicht-titel">
        {errors.length === 1 ? 'Er is 1 fout in het formulier' : `Er zijn ${errors.length} fouten in het formulier`}
      </h2>
      <ul>
        {errors.map((e) => (
          <li key={e.field}>
            <a href={`#${fieldId(e.field)}`}>{e.message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

type FieldProps = {
  name: string;
  label: string;
  hint?: string;
  errors?: FieldErrors;
  required?: boolean;
  /**
   * When the field is needed only in some cases, those cases in words ("verplicht bij online");
   * shown after the label instead of "(niet verplicht)", so label and hint never contradict.
   */
  when?: string;
};

/** The hint and the error of a field, with the ids its input or fieldset refers to. */
function HintAndError({ name, hint, error }: { name: string; hint?: string; error?: string }) {
  return (
    <>
      {hint && (
        <div class="utrecht-form-field-description" id={hintId(name)}>
          {hint}
        </div>
      )}
      {error && (
        <div class="utrecht-form-field-error-message" id={errorId(name)}>
          <span class="mkb-visually-hidden">Fout: </span>
          {error}
        </div>
      )}
    </>
  );
}

function FieldFrame(props: FieldProps & { children: ComponentChildren }) {
  const error = errorFor(props.errors, props.name);
  return (
    <div class={`utrecht-form-field utrecht-form-field--text${error ? ' utrecht-form-field--invalid' : ''}`}>
      <p class="utrecht-form-field__label">
        <label class="utrecht-form-label" for={fieldId(props.name)}>
          {props.label}
          {props.when ? <span class="mkb-meta"> ({props.when})</span> : !props.required && <span class="mkb-meta"> (niet verplicht)</span>}
        </label>
      </p>
      <HintAndError name={props.name} hint={props.hint} error={error} />
      <div class="utrecht-form-field__input">{props.children}</div>
    </div>
  );
}

function describedBy(props: Pick<FieldProps, 'name' | 'hint' | 'errors'>): string | undefined {
  const ids = [props.hint ? hintId(props.name) : null, errorFor(props.errors, props.name) ? errorId(props.name) : null];
  const joined = ids.filter(Boolean).join(' ');
  return joined || undefined;
}

export function TextField(
  props: FieldProps & {
    value?: string;
    type?: 'text' | 'email' | 'url' | 'tel' | 'date' | 'time';
    maxLength?: number;
    autocomplete?: string;
    /** `numeric`: a counting field; the phone shows digits, and the text is still read as typed (no spinner that drops input). */
    inputMode?: 'numeric';
  },
) {
  const invalid = Boolean(errorFor(props.errors, props.name));
  return (
    <FieldFrame {...props}>
      <input
        class={`utrecht-textbox utrecht-textbox--html-input${invalid ? ' utrecht-textbox--invalid' : ''}`}
        id={fieldId(props.name)}
        name={props.name}
        type={(props.type ?? 'text') as 'text'}
        value={props.value ?? ''}
        maxLength={props.maxLength}
        aria-required={props.required ? 'true' : undefined}
        autocomplete={props.autocomplete}
        inputMode={props.inputMode}
        aria-invalid={invalid ? 'true' : undefined}
        aria-describedby={describedBy(props)}
      />
    </FieldFrame>
  );
}

/**
 * A date: the browser's date picker, which shows the date the way the person's browser writes
 * dates (dd-mm-jjjj in a Dutch one) and sends jjjj-mm-dd; so the page names no format of its own.
 * A value that is no jjjj-mm-dd date (typed wrongly, sent back with an error) is shown in a plain
 * text box with the format to type, so what the person typed is never dropped by the picker. The
 * server reads both (`dateField`).
 */
export function DateField(props: FieldProps & { value?: string }) {
  const value = props.value ?? '';
  const picker = value === '' || /^\d{4}-\d{2}-\d{2}$/.test(value);
  const typed = props.hint
    ? `${props.hint} Typ de datum als dd-mm-jjjj, zoals 01-09-2027.`
    : 'Typ de datum als dd-mm-jjjj, zoals 01-09-2027.';
  return (
    <TextField
      {...props}
      type={picker ? 'date' : 'text'}
      value={value}
      maxLength={picker ? undefined : 20}
      hint={picker ? props.hint : typed}
    />
  );
}

/** A time of day: the browser's time picker, or a text box with the format for what it cannot show. */
export function TimeField(props: FieldProps & { value?: string }) {
  const value = props.value ?? '';
  const picker = value === '' || /^\d{2}:\d{2}$/.test(value);
  return (
    <TextField
      {...props}
      type={picker ? 'time' : 'text'}
      value={value}
      hint={picker ? props.hint : 'Typ de tijd als uu:mm, zoals 14:30.'}
    />
  );
}

export function TextArea(props: FieldProps & { value?: string; maxLength?: number; rows?: number }) {
  const invalid = Boolean(errorFor(props.errors, props.name));
  return (
    <FieldFrame {...props}>
      <textarea
        class={`utrecht-textarea utrecht-textarea--html-textarea${invalid ? ' utrecht-textarea--invalid' : ''}`}
        id={fieldId(props.name)}
        name={props.name}
        rows={props.rows ?? 12}
        maxLength={props.maxLength}
        aria-required={props.required ? 'true' : undefined}
        aria-invalid={invalid ? 'true' : undefined}
        aria-describedby={describedBy(props)}
      >
        {props.value ?? ''}
      </textarea>
    </FieldFrame>
  );
}

export function SelectField(props: FieldProps & { value?: string; options: { value: string; label: string }[]; placeholder: string }) {
  const invalid = Boolean(errorFor(props.errors, props.name));
  return (
    <FieldFrame {...props}>
      <select
        class={`utrecht-select utrecht-select--html-select${invalid ? ' utrecht-select--invalid' : ''}`}
        id={fieldId(props.name)}
        name={props.name}
        aria-required={props.required ? 'true' : undefined}
        aria-invalid={invalid ? 'true' : undefined}
        aria-describedby={describedBy(props)}
      >
        <option value="">{props.placeholder}</option>
        {props.options.map((o) => (
          <option key={o.value} value={o.value} selected={o.value === props.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

export function Button(props: { children: ComponentChildren; secondary?: boolean; name?: string; value?: string }) {
  return (
    <button
      type="submit"
      name={props.name}
      value={props.value}
      class={`utrecht-button ${props.secondary ? 'utrecht-button--secondary-action' : 'utrecht-button--primary-action'}`}
    >
      {props.children}
    </button>
  );
}

export function Notice(props: { kind?: 'ok' | 'warning' | 'info'; children: ComponentChildren }) {
  const kind = props.kind ?? 'info';
  return (
    <div class={`mkb-notice mkb-notice--${kind}`} role={kind === 'info' ? undefined : 'status'}>
      {props.children}
    </div>
  );
}

/**
 * A wide table on a narrow screen: it scrolls sideways inside its own region (named, and reachable
 * by keyboard) instead of pushing the whole page wider than the screen.
 */
export function TableScroll({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    // "Tabel: …" keeps the region's name apart from the section it sits in (one name per landmark).
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a region that scrolls must be reachable by keyboard to scroll it (WCAG 2.1.1)
    <section class="mkb-table-scroll" aria-label={`Tabel: ${label}`} tabIndex={0}>
      {children}
    </section>
  );
}

export function Heading1({ children }: { children: ComponentChildren }) {
  return <h1 class="utrecht-heading-1">{children}</h1>;
}

/**
 * A choice in a GET filter form (lists, queues): "Alle" first, the current value selected. A choice
 * that always has a value (the sort order) passes `all={false}`: no "Alle", the first is the default.
 */
export function FilterSelect(props: {
  name: string;
  label: string;
  value: string;
  options: { value: string; label: string }[];
  all?: boolean;
}) {
  return (
    <div class="mkb-filter">
      <label class="utrecht-form-label" for={`filter-${props.name}`}>
        {props.label}
      </label>
      <select class="utrecht-select utrecht-select--html-select" id={`filter-${props.name}`} name={props.name}>
        {props.all !== false && <option value="">Alle</option>}
        {props.options.map((o) => (
          <option key={o.value} value={o.value} selected={o.value === props.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export type Choice = { value: string; label: ComponentChildren; group?: string };

/**
 * The one group of radio buttons or checkboxes: a fieldset whose legend names the question, with
 * the hint and the error (if any) tied to it by `aria-describedby`, so a screen reader reads both
 * on entering the group. The first input carries the field's id, where the error summary links
 * to. Options with a `group` get a small heading when the group changes (the day of a time slot).
 */
export function ChoiceGroup(props: {
  name: string;
  legend: string;
  hint?: string;
  type?: 'radio' | 'checkbox';
  options: Choice[];
  value?: string | string[];
  errors?: FieldErrors;
}) {
  const error = errorFor(props.errors, props.name);
  const chosen = new Set([props.value ?? []].flat());
  let lastGroup: string | undefined;
  return (
    <fieldset class={`utrecht-form-fieldset mkb-fieldset${error ? ' mkb-fieldset--invalid' : ''}`} aria-describedby={describedBy(props)}>
      <legend class="utrecht-form-fieldset__legend">{props.legend}</legend>
      <HintAndError name={props.name} hint={props.hint} error={error} />
      {props.options.map((o, i) => {
        const id = i === 0 ? fieldId(props.name) : `${fieldId(props.name)}-${i}`;
        const heading = o.group !== undefined && o.group !== lastGroup ? o.group : null;
        lastGroup = o.group;
        return (
          <Fragment key={o.value}>
            {heading && <h3 class="utrecht-heading-4 mkb-choice-group">{heading}</h3>}
            <div class="mkb-choice">
              <input type={props.type ?? 'radio'} id={id} name={props.name} value={o.value} checked={chosen.has(o.value)} />
              <label for={id}>{o.label}</label>
            </div>
          </Fragment>
        );
      })}
    </fieldset>
  );
}

/** A file field with its label, hint and error, like the other fields. */
export function FileField(props: { name: string; label: string; hint?: string; accept?: string; errors?: FieldErrors }) {
  const error = props.errors?.find((e) => e.field === props.name)?.message;
  const describedBy = [props.hint ? `uitleg-${props.name}` : '', error ? `fout-${props.name}` : ''].filter(Boolean).join(' ');
  return (
    <div class={`utrecht-form-field${error ? ' utrecht-form-field--invalid' : ''}`}>
      <p class="utrecht-form-field__label">
        <label class="utrecht-form-label" for={fieldId(props.name)}>
          {props.label}
        </label>
      </p>
      {props.hint && (
        <div class="utrecht-form-field-description" id={`uitleg-${props.name}`}>
          {props.hint}
        </div>
      )}
      {error && (
        <div class="utrecht-form-field-error-message" id={`fout-${props.name}`}>
          <span class="mkb-visually-hidden">Fout: </span>
          {error}
        </div>
      )}
      <input
        id={fieldId(props.name)}
        name={props.name}
        type="file"
        accept={props.accept}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy || undefined}
      />
    </div>
  );
}

/** Previous and next page of a list; nothing when it fits on one page. `href(n)` gives page n's address with the list's filters. */
export function Pagination(props: { page: number; pages: number; href: (page: number) => string }) {
  if (props.pages <= 1) return null;
  return (
    <nav aria-label="Paginering" class="mkb-pagination">
      {props.page > 1 && (
        <a class="utrecht-link" href={props.href(props.page - 1)}>
          Vorige pagina
        </a>
      )}
      {props.page < props.pages && (
        <a class="utrecht-link" href={props.href(props.page + 1)}>
          Volgende pagina
        </a>
      )}
    </nav>
  );
}
