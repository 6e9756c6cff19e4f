/** Just enough of a browser over fetch: cookies and the CSRF token of the last page. */
export class HttpClient {
  cookies = new Map<string, string>();
  csrf = '';
  constructor(readonly base: string) {}
  private keep(res: Response) {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const [name, value] = (pair ?? '').split('=');
      if (name) this.cookies.set(name, value ?? '');
    }
  }
  private header() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
  async get(path: string) {
    const res = await fetch(this.base + path, { headers: { cookie: this.header() }, redirect: 'manual' });
    this.keep(res);
    const body = await res.text();
    this.csrf = /name="_csrf" value="([^"]+)"/.exec(body)?.[1] ?? this.csrf;
    return { status: res.status, body, location: res.headers.get('location') };
  }
  async post(path: string, form: Record<string, string>) {
    const res = await fetch(this.base + path, {
      method: 'POST',
      headers: { cookie: this.header(), 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: this.csrf, ...form }).toString(),
      redirect: 'manual',
    });
    this.keep(res);
    const body = await res.text();
    return { status: res.status, location: res.headers.get('location'), body };
  }
}
