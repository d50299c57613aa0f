import { useEffect, useRef, useState, type MouseEvent } from 'react';

export interface SoundButtonProps {
  /** An object URL of the deck's stored sound, or a same-origin path. */
  readonly url: string;
  /** The sound's file name, for the button's label. */
  readonly name: string;
}

/**
 * A card's sound: played only when the student asks (never on its own, unlike Anki's default), from
 * the copy stored on the device, so it plays offline. Pressing again stops it.
 */
export function SoundButton({ url, name }: SoundButtonProps) {
  const audio = useRef<HTMLAudioElement>(null);
  const [isPlaying, setIsPlaying] = useState(false);
  const [hasFailed, setHasFailed] = useState(false);

  // A card that goes away mid-sound stops it.
  useEffect(() => () => audio.current?.pause(), []);

  function toggle(event: MouseEvent) {
    // A click on the card's front shows the answer (FlipCard); playing the question's sound must not.
    event.stopPropagation();
    const element = audio.current;
    if (!element) return;
    if (!element.paused) {
      element.pause();
      element.currentTime = 0;
      return;
    }
    setHasFailed(false);
    element.play().catch(() => setHasFailed(true));
  }

  return (
    <span className="md-sound">
      <button
        type="button"
        className="button md-sound__button"
        aria-pressed={isPlaying}
        aria-label={`${isPlaying ? 'Stop' : 'Play'} sound ${name}`}
        onClick={toggle}
      >
        <span aria-hidden="true">{isPlaying ? '■' : '▶'}</span> {isPlaying ? 'Stop' : 'Play sound'}
      </button>
      <audio
        ref={audio}
        src={url}
        preload="none"
        onPlay={() => setIsPlaying(true)}
        onPause={() => setIsPlaying(false)}
        onEnded={() => setIsPlaying(false)}
        onError={() => setHasFailed(true)}
      />
      {hasFailed ? <span className="md-sound__error" role="status">This sound cannot be played in this browser.</span> : null}
    </span>
  );
}
