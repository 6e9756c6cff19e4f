/**
 * Where personal data lives, in one place (AVG art. 15, 17, 20 and the retention periods). Each
 * feature that stores something about people describes its part in its own privacy.ts: how to
 * find the person, what to show and export, what an erasure does (and what it keeps, and why), and
 * its retention periods. Export (`/mijn/gegevens`, `/beheer/privacy`), erasure, the daily retention
 * job and the ledger's replay after a restore all go through this list; a feature added later adds
 * its part here (docs/privacy/verwerkingsregister.md lists the same).
 */

import { accountsPersonalData } from './features/accounts/index.ts';
import { assessmentsPersonalData } from './features/assessments/index.ts';
import { cataloguePersonalData } from './features/catalogue/index.ts';
import { contentPersonalData } from './features/content/index.ts';
import { eventsPersonalData } from './features/events/index.ts';
import { kickoffsPersonalData } from './features/kickoffs/index.ts';
import { knowledgePersonalData } from './features/knowledge/index.ts';
import { monitoringPersonalData } from './features/monitoring/index.ts';
import { networkPersonalData } from './features/network/index.ts';
import { registrationsPersonalData } from './features/registrations/index.ts';
import { searchPersonalData } from './features/search/index.ts';
import { supportPersonalData } from './features/support/index.ts';
import { platformPersonalData } from './platform/privacy/platform-source.ts';
import type { PersonalDataSource } from './platform/privacy/types.ts';

/** In the order an overview shows them; erasure runs them in this order in one transaction. */
export const PERSONAL_DATA: PersonalDataSource[] = [
  accountsPersonalData,
  registrationsPersonalData,
  assessmentsPersonalData,
  kickoffsPersonalData,
  cataloguePersonalData,
  eventsPersonalData,
  supportPersonalData,
  networkPersonalData,
  monitoringPersonalData,
  knowledgePersonalData,
  contentPersonalData,
  searchPersonalData,
  platformPersonalData,
];
