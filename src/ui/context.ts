/** What every page needs to know about the request, and nothing more. */
export type CurrentUser = {
  id: string;
  email: string;
  name: string | null;
  role: 'applicant' | 'team' | 'admin' | 'partner';
  institutionBrin: string | null;
  institutionName: string | null;
};

export type PageContext = {
  user: CurrentUser | null;
  csrfToken: string;
  path: string;
  demo: boolean;
  stylesheetHref: string;
};
