import type { Timestamp } from '../../db/columns.ts';

export interface MonitorYearTable {
  year: number;
  title: string;
  /** yyyy-mm-dd: reports are due at the end of this day (Dutch time). */
  deadline: string;
  opened_at: Timestamp;
  opened_by: string | null;
}

export interface MonitorReportTable {
  id: string;
  year: number;
  registration_id: string;
  /** open | submitted | reopened */
  state: string;
  /** JSON: rules.ts#MonitorAnswers. */
  answers: string;
  /** JSON: the slugs of the steps saved this year. */
  steps_done: string;
  /** 1 when the answers were taken over from last year's report. */
  prefilled: number;
  /** JSON: the fields the team reopened after submission (rules.ts#FIELDS), with `reopen_message`. */
  reopened_fields: string | null;
  reopen_message: string | null;
  submitted_at: Timestamp | null;
  submitted_by: string | null;
  /** 1 when first submitted after the deadline. */
  late: number;
  reminded_before_at: Timestamp | null;
  reminded_after_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** The counts of a submitted report per target group (what the figures sum). */
export interface MonitorCountTable {
  report_id: string;
  year: number;
  registration_id: string;
  target_group: string;
  new_students: number;
  enrolled: number;
  graduates: number;
  dropouts: number;
}

export interface FigureSnapshotTable {
  year: number;
  published_at: Timestamp;
  published_by: string | null;
  /** JSON: rules.ts#PublicFigures, exact counts (the "<5" is applied when shown). */
  figures: string;
  /** JSON: what changed in earlier published years since they were published. */
  corrections: string;
}

export interface MonitoringTables {
  monitor_years: MonitorYearTable;
  monitor_reports: MonitorReportTable;
  monitor_counts: MonitorCountTable;
  figure_snapshots: FigureSnapshotTable;
}
