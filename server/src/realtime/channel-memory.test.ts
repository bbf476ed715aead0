import { Types } from "mongoose";
import { describe, expect, it } from "vitest";
import type { EventLean } from "../events/event.service.js";
import { ChannelMemory } from "./channel-memory.js";

const id = () => new Types.ObjectId();
const actor = id();
const version = id();
const event = { seq: 1, actorId: actor, versionId: version, noteId: null } as unknown as EventLean;

describe("ChannelMemory", () => {
  it("primes later events with what executions read", async () => {
    const m = new ChannelMemory();
    const first = m.scopeFor(event);
    expect(first.scope.primeCached).toBeUndefined();
    first.scope.collect = async () => [[`userById:${actor}`, { name: "Ann" }]];
    await m.keep(first.scope, first.epoch);
    expect(m.scopeFor(event).scope.primeCached).toEqual([[`userById:${actor}`, { name: "Ann" }]]);
  });

  it("forgets a value when its document changes, and keeps nothing read while a change arrived", async () => {
    const m = new ChannelMemory();
    const a = m.scopeFor(event);
    a.scope.collect = async () => [[`versionById:${version}`, { status: "DRAFT" }]];
    await m.keep(a.scope, a.epoch);
    m.changed(`versionById:${version}`, null);
    expect(m.scopeFor(event).scope.primeCached).toBeUndefined();
    const b = m.scopeFor(event);
    b.scope.collect = async () => {
      m.changed(`userById:${id()}`, { name: "Cy" }); // any change during the read
      return [[`versionById:${version}`, { status: "DRAFT" }]];
    };
    await m.keep(b.scope, b.epoch);
    expect(m.scopeFor(event).scope.primeCached).toBeUndefined();
  });

  it("replaces a remembered value with the change's post-image, and does not add unknown ones", async () => {
    const m = new ChannelMemory();
    const a = m.scopeFor(event);
    a.scope.collect = async () => [[`versionById:${version}`, { noteCounts: { live: { OPEN: 1 } } }]];
    await m.keep(a.scope, a.epoch);
    m.changed(`versionById:${version}`, { noteCounts: { live: { OPEN: 2 } } });
    m.changed(`userById:${actor}`, { name: "Never read" });
    expect(m.scopeFor(event).scope.primeCached).toEqual([
      [`versionById:${version}`, { noteCounts: { live: { OPEN: 2 } } }],
    ]);
  });

  it("primes an event's note and the note's author from the change stream's document", async () => {
    const m = new ChannelMemory();
    const noteId = id();
    const author = id();
    m.note(String(noteId), { _id: noteId, authorId: author, versionId: version });
    const e = { ...event, noteId } as unknown as EventLean;
    const first = m.scopeFor(e);
    expect(first.scope.primeNotes?.[0]?.[0]).toBe(String(noteId));
    first.scope.collect = async () => [[`userById:${author}`, { name: "Bo" }]];
    await m.keep(first.scope, first.epoch);
    expect(m.scopeFor(e).scope.primeCached).toEqual([[`userById:${author}`, { name: "Bo" }]]);
    m.clear();
    expect(m.scopeFor(e).scope).toEqual({});
  });
});
