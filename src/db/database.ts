import type { AccountsTables } from '../features/accounts/tables.ts';
import type { AssessmentsTables } from '../features/assessments/tables.ts';
import type { CatalogueTables } from '../features/catalogue/tables.ts';
import type { ContentTables } from '../features/content/tables.ts';
import type { EventsTables } from '../features/events/tables.ts';
import type { KickoffsTables } from '../features/kickoffs/tables.ts';
import type { KnowledgeTables } from '../features/knowledge/tables.ts';
import type { MonitoringTables } from '../features/monitoring/tables.ts';
import type { NetworkTables } from '../features/network/tables.ts';
import type { ReferenceTables } from '../features/reference/tables.ts';
import type { RegistrationsTables } from '../features/registrations/tables.ts';
import type { SearchTables } from '../features/search/tables.ts';
import type { SupportTables } from '../features/support/tables.ts';
import type { PlatformTables } from '../platform/tables.ts';

/**
 * The database as Kysely sees it: the union of the tables each feature owns (its `tables.ts`).
 * Columns are snake_case; services map rows to camelCase domain types. Who may touch which table
 * is checked by scripts/check-structure.ts; see docs/decisions/008-feature-boundaries-and-events.md.
 */
export interface Database
  extends PlatformTables,
    ReferenceTables,
    AccountsTables,
    ContentTables,
    RegistrationsTables,
    AssessmentsTables,
    KickoffsTables,
    CatalogueTables,
    EventsTables,
    SearchTables,
    KnowledgeTables,
    MonitoringTables,
    SupportTables,
    NetworkTables {}
