/**
 * What one event costs to execute for a subscription is its selection's cost (the same estimate
 * as HTTP's, app/limits.ts); a socket's subscriptions together, and a user's across their sockets
 * in this process, may hold at most a budget of it. Without it one VIEWER socket with 20 heavy
 * subscriptions delayed another subscriber's events from 15 ms to over 120 s (issue 13).
 */
export interface CostHolder {
  readonly socket: object;
  readonly userId: string;
  /** Reserved cost; 0 once released. */
  cost: number;
  /** Who holds the reservation (the sink calls its `release` when it ends). */
  budget: object | null;
}

export class SubscriptionBudget {
  private readonly bySocket = new WeakMap<object, number>();
  private readonly byUser = new Map<string, number>();

  constructor(
    readonly perSocket: number,
    readonly perUser: number,
  ) {}

  /** Reserves `cost` for a subscription of `holder`, or says why it does not fit. */
  reserve(holder: CostHolder, cost: number): string | null {
    const socket = this.bySocket.get(holder.socket) ?? 0;
    const user = this.byUser.get(holder.userId) ?? 0;
    if (socket + cost > this.perSocket) {
      return `This subscription costs ${cost} per event; a connection's subscriptions may cost ${this.perSocket} together and this one's already cost ${socket}. Ask for fewer fields, or end other subscriptions.`;
    }
    if (user + cost > this.perUser) {
      return `This subscription costs ${cost} per event; your subscriptions may cost ${this.perUser} together and already cost ${user}. Ask for fewer fields, or end other subscriptions.`;
    }
    this.bySocket.set(holder.socket, socket + cost);
    this.byUser.set(holder.userId, user + cost);
    holder.cost = cost;
    holder.budget = this;
    return null;
  }

  /** Gives back what `holder` reserved (idempotent). */
  release(holder: CostHolder): void {
    if (holder.budget !== this || holder.cost === 0) return;
    const socket = (this.bySocket.get(holder.socket) ?? 0) - holder.cost;
    if (socket > 0) this.bySocket.set(holder.socket, socket);
    else this.bySocket.delete(holder.socket);
    const user = (this.byUser.get(holder.userId) ?? 0) - holder.cost;
    if (user > 0) this.byUser.set(holder.userId, user);
    else this.byUser.delete(holder.userId);
    holder.cost = 0;
    holder.budget = null;
  }

  /** A user's reserved cost (tests). */
  userCost(userId: string): number {
    return this.byUser.get(userId) ?? 0;
  }
}
