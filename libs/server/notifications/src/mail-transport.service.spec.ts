import { pooled, withTimeouts } from './mail-transport.service';

describe(withTimeouts.name, () => {
  it('gives nodemailer its three timeouts in the URL it reads them from', () => {
    const url = new URL(withTimeouts('smtp://user:secret@mail.example.org:2525', 5000));
    expect(Object.fromEntries(url.searchParams)).toEqual({
      connectionTimeout: '5000',
      greetingTimeout: '5000',
      socketTimeout: '5000',
    });
    expect([url.username, url.password, url.host]).toEqual(['user', 'secret', 'mail.example.org:2525']);
  });

  it('keeps a timeout the URL sets itself', () => {
    const url = new URL(withTimeouts('smtp://127.0.0.1:1025?socketTimeout=120000', 5000));
    expect(url.searchParams.get('socketTimeout')).toBe('120000');
    expect(url.searchParams.get('greetingTimeout')).toBe('5000');
  });
});

describe(pooled.name, () => {
  it('turns nodemailer’s connection pool on, unless the URL says otherwise', () => {
    expect(new URL(pooled('smtp://127.0.0.1:1025?socketTimeout=5000')).searchParams.get('pool')).toBe('true');
    expect(new URL(pooled('smtp://127.0.0.1:1025?pool=false')).searchParams.get('pool')).toBe('false');
  });
});
