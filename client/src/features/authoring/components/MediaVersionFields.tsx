import type { FrameRate } from "../../../lib/timecode";
import {
  durationToFrames,
  FRAME_RATE_OPTIONS,
  type FieldErrors,
  isMediaUrl,
  STEMS,
  timecodeProblem,
  type VersionFormState,
  withRateSeparator,
} from "../lib/versionForm";
import { Field } from "./Field";

interface Props {
  mix: boolean;
  state: VersionFormState;
  errors: FieldErrors;
  onChange: (patch: Partial<VersionFormState>) => void;
  /** The media's length in seconds once its metadata loaded, else null. */
  mediaSeconds: number | null;
  onMediaSeconds: (seconds: number | null) => void;
}

/** Media, frame rate, start timecode and duration (CUT and MIX); stems and loudness for a MIX. */
export function MediaVersionFields({ mix, state, errors, onChange, mediaSeconds, onMediaSeconds }: Props) {
  // Live: the timecode module answers as the user types, with the rate chosen now.
  const tcError = errors.startTimecode ?? timecodeProblem(state.startTimecode, state.frameRate);
  const derived = mediaSeconds === null ? null : durationToFrames(mediaSeconds, state.frameRate);
  const url = state.mediaUrl.trim();
  return (
    <>
      <Field id="version-media" label="Media URL" error={errors.mediaUrl} hint="/media/… path or https URL">
        {(a) => (
          <input
            {...a}
            className="input"
            value={state.mediaUrl}
            onChange={(e) => {
              onMediaSeconds(null);
              onChange({ mediaUrl: e.target.value });
            }}
          />
        )}
      </Field>
      {url && isMediaUrl(url) ? (
        // Only the metadata is read, to learn the duration; nothing plays.
        <video
          key={url}
          src={url}
          preload="metadata"
          muted
          hidden
          onLoadedMetadata={(e) => onMediaSeconds(e.currentTarget.duration)}
          onError={() => onMediaSeconds(null)}
        />
      ) : null}
      <div className="form-grid">
        <Field id="version-rate" label="Frame rate" error={errors.frameRate}>
          {(a) => (
            <select
              {...a}
              className="select"
              value={state.frameRate}
              onChange={(e) => {
                const frameRate = e.target.value as FrameRate;
                onChange({ frameRate, startTimecode: withRateSeparator(state.startTimecode, frameRate) });
              }}
            >
              {FRAME_RATE_OPTIONS.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          id="version-start"
          label="Start timecode"
          error={tcError}
          hint="HH:MM:SS:FF; drop-frame rates use ; before the frames."
        >
          {(a) => (
            <input
              {...a}
              className="input mono"
              value={state.startTimecode}
              onChange={(e) => onChange({ startTimecode: e.target.value })}
            />
          )}
        </Field>
        <Field
          id="version-duration"
          label="Duration (frames)"
          error={errors.durationFrames}
          hint={
            derived !== null && !state.durationFrames.trim()
              ? `From the media: ${mediaSeconds?.toFixed(2)} s = ${derived} frames at this rate.`
              : "Optional; read from the media when it can be played here."
          }
        >
          {(a) => (
            <input
              {...a}
              className="input"
              inputMode="numeric"
              placeholder={derived !== null ? String(derived) : ""}
              value={state.durationFrames}
              onChange={(e) => onChange({ durationFrames: e.target.value })}
            />
          )}
        </Field>
      </div>
      {mix ? <MixFields state={state} errors={errors} onChange={onChange} /> : null}
    </>
  );
}

function MixFields({ state, errors, onChange }: Pick<Props, "state" | "errors" | "onChange">) {
  return (
    <fieldset className="stack">
      <legend className="small muted">Stems and loudness</legend>
      <div className="form-grid">
        {STEMS.map(({ stem, label }) => (
          <Field
            key={stem}
            id={`version-stem-${stem}`}
            label={`${label} URL`}
            error={errors[`stems.${stem}`] ?? (stem === "FULL_MIX" ? errors.stems : undefined)}
          >
            {(a) => (
              <input
                {...a}
                className="input"
                value={state.stems[stem]}
                onChange={(e) => onChange({ stems: { ...state.stems, [stem]: e.target.value } })}
              />
            )}
          </Field>
        ))}
        <Field id="version-lkfs" label="Integrated (LKFS)" error={errors["loudness.integratedLkfs"]}>
          {(a) => (
            <input
              {...a}
              className="input"
              inputMode="decimal"
              value={state.integratedLkfs}
              onChange={(e) => onChange({ integratedLkfs: e.target.value })}
            />
          )}
        </Field>
        <Field id="version-peak" label="True peak (dBTP)" error={errors["loudness.truePeakDbtp"]}>
          {(a) => (
            <input
              {...a}
              className="input"
              inputMode="decimal"
              value={state.truePeakDbtp}
              onChange={(e) => onChange({ truePeakDbtp: e.target.value })}
            />
          )}
        </Field>
      </div>
    </fieldset>
  );
}
