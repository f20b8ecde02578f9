import { type AddressInfo, createServer, type Socket } from 'node:net';
import { connectWithoutNagle, pooled, withTimeouts } from './mail-transport.service';

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

describe(connectWithoutNagle.name, () => {
  it('hands nodemailer a connected socket, or the connection’s error', async () => {
    const server = createServer((socket) => socket.end());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const connected = await new Promise<{ connection: Socket }>((resolve, reject) =>
      connectWithoutNagle({ host: '127.0.0.1', port }, (error, socketOptions) =>
        error ? reject(error) : resolve(socketOptions as { connection: Socket }),
      ),
    );
    expect([connected.connection.remotePort, connected.connection.connecting]).toEqual([port, false]);
    connected.connection.destroy();
    await new Promise((resolve) => server.close(resolve));
    const refused = await new Promise<Error | null>((resolve) =>
      connectWithoutNagle({ host: '127.0.0.1', port }, (error) => resolve(error)),
    );
    expect((refused as NodeJS.ErrnoException).code).toBe('ECONNREFUSED');
  });
});
