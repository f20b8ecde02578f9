import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { Client } from 'pg';
import { AppConfig } from '../config/app-config';

/** What a listener of a channel is told: each notification, and when some may have been missed. */
export interface ChannelListener {
  notified(payload: string): void;
  /**
   * Notifications may have been missed: the connection was lost, or it has just been (re)made.
   * A listener that caches what notifications invalidate drops its cache here.
   */
  gap(): void;
}

/** How long to wait before connecting again after the listening connection was lost. */
const RECONNECT_MS = 1_000;
const CHANNEL = /^[a-z_][a-z0-9_]*$/;

/**
 * Postgres LISTEN/NOTIFY for the process: one connection of its own (LISTEN needs a session; a
 * pooled connection goes back to the pool), opened on the first `listen`, made again when lost.
 * Notifications are sent by Postgres at commit, so every replica hears of every committed change
 * on the channel, whoever made it. `listening(channel)` is false whenever some could be missed:
 * a cache must not be trusted then.
 */
@Injectable()
export class DatabaseNotifications implements OnApplicationShutdown {
  private readonly logger = new Logger(DatabaseNotifications.name);
  private readonly listeners = new Map<string, Set<ChannelListener>>();
  private readonly live = new Set<string>();
  private client: Client | null = null;
  private connecting: Promise<void> | null = null;
  private closed = false;

  constructor(private readonly config: AppConfig) {}

  /** Calls `listener` for every notification on `channel` from now on; answers the unsubscribe. */
  listen(channel: string, listener: ChannelListener): () => void {
    if (!CHANNEL.test(channel)) throw new Error(`not a channel name: ${channel}`);
    const set = this.listeners.get(channel) ?? new Set<ChannelListener>();
    set.add(listener);
    this.listeners.set(channel, set);
    if (this.client && !this.connecting) void this.subscribe(this.client, channel);
    else void this.connect();
    return () => set.delete(listener);
  }

  /** True when every notification on `channel` reaches this process now. */
  listening(channel: string): boolean {
    return this.live.has(channel);
  }

  /** Resolves once `channel` is listened to, or after `timeoutMs` (then callers keep checking). */
  async ready(channel: string, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!this.live.has(channel) && !this.closed && Date.now() < deadline) {
      await (this.connecting ?? new Promise((resolve) => setTimeout(resolve, 50)));
      if (!this.live.has(channel)) await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    const client = this.client;
    this.client = null;
    this.live.clear();
    await client?.end().catch(() => undefined);
  }

  private connect(): Promise<void> {
    if (this.closed || this.client) return Promise.resolve();
    this.connecting ??= this.open().finally(() => (this.connecting = null));
    return this.connecting;
  }

  private async open(): Promise<void> {
    const client = new Client({ connectionString: this.config.databaseUrl });
    client.on('notification', (message) => {
      for (const listener of this.listeners.get(message.channel) ?? [])
        listener.notified(message.payload ?? '');
    });
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client, null));
    try {
      await client.connect();
      if (this.closed) return void (await client.end());
      this.client = client;
      for (const channel of this.listeners.keys()) await this.subscribe(client, channel);
    } catch (error) {
      this.lost(client, error as Error);
    }
  }

  private async subscribe(client: Client, channel: string): Promise<void> {
    await client.query(`LISTEN ${channel}`);
    this.live.add(channel);
    // Whatever changed before LISTEN took effect was not heard.
    for (const listener of this.listeners.get(channel) ?? []) listener.gap();
  }

  private lost(client: Client, error: Error | null): void {
    if (this.client !== null && this.client !== client) return;
    this.client = null;
    this.live.clear();
    for (const set of this.listeners.values()) for (const listener of set) listener.gap();
    if (this.closed) return;
    if (error) this.logger.warn(`listening connection lost: ${error.message}`);
    client.removeAllListeners();
    client.on('error', () => undefined);
    void client.end().catch(() => undefined);
    setTimeout(() => void this.connect(), RECONNECT_MS).unref();
  }
}
