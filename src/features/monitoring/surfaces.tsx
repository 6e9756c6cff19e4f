import type { FeatureSurfaces } from '../../platform/surfaces.tsx';
import { myRegistrations } from '../registrations/index.ts';
import { formatDate } from './messages.ts';
import { MONITOR_REMINDER_SETTING, reportsOfRegistrations } from './monitor.ts';
import { figuresOpenApi } from './open-api.ts';

export const monitoringSurfaces: FeatureSurfaces = {
  settings: { title: 'Monitor', items: [MONITOR_REMINDER_SETTING] },
  mijn: [
    {
      // The monitor of each admitted route of the person's hogeschool: open ones first, then what was sent.
      key: 'monitor',
      order: 25,
      render: async ({ db, user, once }) => {
        if (user.role !== 'applicant' || !user.institutionBrin) return null;
        const reports = await reportsOfRegistrations(db, new Map((await once(myRegistrations)).map((r) => [r.id, r])));
        if (reports.length === 0) return null;
        const open = reports.filter((r) => r.state !== 'submitted');
        const done = reports.filter((r) => r.state === 'submitted');
        return (
          <section aria-labelledby="monitor-titel">
            <h2 class="utrecht-heading-2" id="monitor-titel">
              Jaarlijkse monitor
            </h2>
            {open.length > 0 && (
              <ul class="mkb-link-list">
                {open.map((r) => (
                  <li key={r.id}>
                    <a class="utrecht-link" href={`/mijn/monitor/${r.id}`}>
                      {r.title}: {r.route}
                    </a>{' '}
                    <span class="mkb-meta">
                      {r.state === 'reopened'
                        ? '— het programmateam vraagt een aanpassing'
                        : `— invullen tot en met ${formatDate(r.deadline)}; ${r.stepsDone} van 3 stappen opgeslagen`}
                    </span>
                  </li>
                ))}
              </ul>
            )}
            {done.length > 0 && (
              <details class="mkb-fold">
                <summary>Ingediende monitors ({done.length})</summary>
                <ul class="mkb-link-list">
                  {done.map((r) => (
                    <li key={r.id}>
                      <a class="utrecht-link" href={`/mijn/monitor/${r.id}`}>
                        {r.title}: {r.route}
                      </a>
                      {r.late && <span class="mkb-meta"> — na de termijn ingediend</span>}
                    </li>
                  ))}
                </ul>
              </details>
            )}
          </section>
        );
      },
    },
  ],
  beheer: [
    {
      key: 'dashboard',
      order: 5,
      href: '/beheer/dashboard',
      label: 'Dashboard',
      description:
        'Aanmeldingen per status en per maand, doorlooptijd tot besluit, startgesprekken op tijd, routes per sector en provincie, studenten per doelgroep, aanwezigheid bij bijeenkomsten.',
    },
    {
      key: 'monitor',
      order: 6,
      href: '/beheer/monitor',
      label: 'Monitor',
      description:
        'Het jaarlijkse monitorjaar openen, de ingediende cijfers per route, onderdelen openzetten, en de publieke cijfers publiceren.',
    },
  ],
  publicIndex: [{ key: 'figures', sitemap: async () => ['/in-cijfers'], openApi: figuresOpenApi }],
};
