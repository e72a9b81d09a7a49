import { HubConnection, HubConnectionBuilder, HubConnectionState, LogLevel } from "@microsoft/signalr";
import type { HubCallbacks, HubInvocations } from "../contracts/live";

export type ConnectionState = "live" | "reconnecting" | "offline";

/** A hub refusal (forbidden, not-found, invalid:…) or "unavailable" when there is no connection to ask. */
export class HubRefused extends Error {
  constructor(readonly code: string) {
    super(code);
    this.name = "HubRefused";
  }
}

/** A watch: the snapshot handler runs for the first answer and again for the fresh one after every reconnect. */
export interface Watch<T> {
  /** Resolves with the first snapshot, or rejects with HubRefused. */
  readonly first: Promise<T>;
  /** Asks for a fresh snapshot now (the snapshot handler gets it), as after a reconnect. */
  refresh(): void;
  /** Stops re-watching on reconnect and tells the server (unwatch). */
  stop(): void;
}

const retryDelays = [0, 2000, 5000, 10000, 20000, 30000];

/**
 * The one SignalR connection to /hubs/dashboard: reconnects on its own, reports live / reconnecting / offline, and
 * after a reconnect calls every active watch* again (groups do not survive a new connection), handing each page its
 * fresh snapshot.
 */
export class LiveConnection {
  private readonly connection: HubConnection;
  private readonly stateListeners = new Set<(state: ConnectionState) => void>();
  private readonly resyncs = new Set<() => void>();
  private started: Promise<void> | null = null;
  private restartTimer: number | undefined;
  private stopped = false;
  state: ConnectionState = "offline";

  constructor(url = "/hubs/dashboard") {
    this.connection = new HubConnectionBuilder()
      .withUrl(url)
      .withAutomaticReconnect(retryDelays)
      .configureLogging(LogLevel.Warning)
      .build();
    this.connection.onreconnecting(() => this.setState("reconnecting"));
    this.connection.onreconnected(() => {
      this.setState("live");
      for (const resync of this.resyncs) resync();
    });
    // Automatic reconnection gave up (or the first start failed): keep trying now and then, as offline.
    this.connection.onclose(() => {
      this.setState("offline");
      this.scheduleRestart();
    });
  }

  /** Starts the connection; resolves when it is live or its first attempt failed (then it retries in the background). */
  start(): Promise<void> {
    this.stopped = false;
    this.started ??= this.connection.start().then(
      () => {
        this.setState("live");
        for (const resync of this.resyncs) resync();
      },
      () => {
        this.started = null;
        this.setState("offline");
        this.scheduleRestart();
      },
    );
    return this.started;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    window.clearTimeout(this.restartTimer);
    this.started = null;
    await this.connection.stop();
    this.setState("offline");
  }

  onState(listener: (state: ConnectionState) => void): () => void {
    this.stateListeners.add(listener);
    listener(this.state);
    return () => this.stateListeners.delete(listener);
  }

  /** Subscribes to a server callback until the returned function is called. */
  on<K extends keyof HubCallbacks>(name: K, handler: HubCallbacks[K]): () => void {
    const callback = handler as (...args: unknown[]) => void;
    this.connection.on(name, callback);
    return () => this.connection.off(name, callback);
  }

  /**
   * Calls watch* now (once connected) and again after every reconnect; `onSnapshot` gets each snapshot. `scope` is
   * what unwatch names (tenant, department:{id}, employee:{id}).
   */
  watch<K extends "watchTenant" | "watchDepartment" | "watchEmployee">(
    method: K,
    args: HubInvocations[K]["args"],
    scope: string,
    onSnapshot: (snapshot: HubInvocations[K]["result"]) => void,
    onRefused: (refusal: HubRefused) => void = () => {},
  ): Watch<HubInvocations[K]["result"]> {
    let active = true;
    let settle: { resolve(v: HubInvocations[K]["result"]): void; reject(e: unknown): void } | null = null;
    const first = new Promise<HubInvocations[K]["result"]>((resolve, reject) => (settle = { resolve, reject }));
    first.catch(() => {}); // a caller that only uses the handlers must not see an unhandled rejection
    const ask = () => {
      if (!active || this.connection.state !== HubConnectionState.Connected) return;
      this.connection.invoke<HubInvocations[K]["result"]>(method, ...args).then(
        (snapshot) => {
          if (!active) return;
          settle?.resolve(snapshot);
          settle = null;
          onSnapshot(snapshot);
        },
        (error: unknown) => {
          if (!active) return;
          const refusal = new HubRefused(refusalCode(error));
          settle?.reject(refusal);
          settle = null;
          onRefused(refusal);
        },
      );
    };
    this.resyncs.add(ask);
    if (this.connection.state === HubConnectionState.Connected) ask();
    else if (this.state === "offline") {
      // Not connected now: the page falls back to the REST API; the watch still starts once the hub is reachable.
      settle!.reject(new HubRefused("unavailable"));
      settle = null;
    }
    return {
      first,
      refresh: ask,
      stop: () => {
        active = false;
        this.resyncs.delete(ask);
        if (this.connection.state === HubConnectionState.Connected) this.connection.invoke("unwatch", scope).catch(() => {});
      },
    };
  }

  private setState(state: ConnectionState): void {
    if (this.state === state) return;
    this.state = state;
    for (const listener of this.stateListeners) listener(state);
  }

  private scheduleRestart(): void {
    if (this.stopped) return;
    window.clearTimeout(this.restartTimer);
    this.restartTimer = window.setTimeout(() => void this.start(), 5000);
  }
}

/** The short code of a HubException ("… HubException: forbidden"), or the message itself. */
export function refusalCode(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const match = /HubException: (.+)$/.exec(message);
  return (match?.[1] ?? message).trim();
}
