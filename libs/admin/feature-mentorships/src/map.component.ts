import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import type { MapFlagView, MapView, MilestoneView } from '@mentorship/contracts';
import { MAP_STAGE_WORDS } from '@mentorship/admin/util';
import { MapEditorComponent } from './map-editor.component';
import { MatchStore } from './match.store';
import { helperLabel } from './map-people';
import { causeLabel, counted, dayLabel, flagLabel, instantLabel } from './mentorship-words';

/** What changed in a map version, in words. */
const CHANGE: Record<string, string> = {
  created: 'map started',
  state_changed: 'current or desired state changed',
  milestone_added: 'milestone added',
  milestone_removed: 'milestone removed',
  milestone_replaced: 'milestone replaced',
  milestone_retargeted: 'milestone retargeted',
  milestone_edited: 'milestone edited',
  milestone_done: 'milestone done',
  milestones_reordered: 'milestones reordered',
  review_changed: 'review date changed',
  buddy_changed: 'map buddy changed',
};

/**
 * The mentee's mentorship map as both sides read it — current and desired state, milestones
 * with what the map warns about, the review and its history — and, for the mentee while the
 * match runs, the editor.
 */
@Component({
  selector: 'mm-map',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MapEditorComponent],
  template: `
    <section class="mm-section" aria-labelledby="map-title">
      <div class="section-head">
        <h2 id="map-title">Mentorship map</h2>
        @if (canEdit() && !editing()) {
          <button mat-stroked-button type="button" (click)="editing.set(true)">
            {{ store.map() ? 'Edit the map' : 'Start the map' }}
          </button>
        }
      </div>
      @if (editing()) {
        <mm-map-editor [map]="store.map()" (saved)="saved($event)" (cancelled)="editing.set(false)" />
      } @else if (store.map(); as map) {
        @if (mapFlags().length > 0) {
          <ul class="flags" aria-label="The map warns">
            @for (flag of mapFlags(); track flag.flag) {
              <li class="flag">{{ flagText(flag.flag) }}</li>
            }
          </ul>
        }
        <div class="map-states">
          <div>
            <h3>Now</h3>
            <p>
              <strong>Skills:</strong>
              @for (skill of map.currentState.skills; track skill.name; let last = $last) {
                {{ skill.name }} ({{ skill.rating }}/5){{ last ? '' : ', ' }}
              } @empty {
                —
              }
            </p>
            <p>
              <strong>Performance themes:</strong> {{ map.currentState.performanceThemes.join(', ') || '—' }}
            </p>
            <p><strong>Community:</strong> {{ map.currentState.communityInvolvement || '—' }}</p>
          </div>
          <div>
            <h3>In {{ map.desiredState.horizonMonths }} months</h3>
            <p>{{ map.desiredState.description || '—' }}</p>
            <p><strong>Community level:</strong> {{ map.communityLevel }}</p>
            <p><strong>Next review:</strong> {{ day(map.nextReviewOn) }}</p>
            <p><strong>Map buddy:</strong> {{ buddy() || 'none' }}</p>
          </div>
        </div>
        <h3>Milestones</h3>
        <ol class="milestones" aria-label="Milestones">
          @for (milestone of map.milestones; track milestone.id) {
            <li class="milestone">
              <div class="milestone-head">
                <strong class="milestone-title">{{ milestone.title }}</strong>
                <span class="mm-chip over">{{ stageWords[milestone.stage] }}</span>
                @if (milestone.doneOn) {
                  <span class="mm-chip good">Done {{ day(milestone.doneOn) }}</span>
                } @else if (milestone.dueOn) {
                  <span>due {{ day(milestone.dueOn) }}</span>
                }
                @for (flag of flagsOf(milestone); track flag.flag) {
                  <span class="mm-chip warn">{{ flagText(flag.flag) }}</span>
                }
              </div>
              @if (milestone.performance) {
                <p><strong>Performance:</strong> {{ milestone.performance }}</p>
              }
              @if (milestone.community) {
                <p><strong>Community:</strong> {{ milestone.community }}</p>
              }
              @if (milestone.measure) {
                <p><strong>Done when:</strong> {{ milestone.measure }}</p>
              }
              @if (milestone.helpers.length > 0) {
                <p><strong>Who helps:</strong></p>
                <ul class="helper-list" [attr.aria-label]="'Who helps with ' + milestone.title">
                  @for (helper of milestone.helpers; track $index) {
                    <li>{{ helperText(helper, map.people) }}</li>
                  }
                </ul>
              }
              @for (flag of missedTwice(milestone); track flag.flag) {
                <div class="prompt" role="note">
                  <p>Missed {{ milestone.timesMissed }} times. The usual causes:</p>
                  <ul>
                    @for (cause of flag.prompts; track cause) {
                      <li>{{ causeText(cause) }}</li>
                    }
                  </ul>
                </div>
              }
            </li>
          } @empty {
            <li class="hint">No milestones yet.</li>
          }
        </ol>
        @if (store.mapVersions().length > 0) {
          <details>
            <summary>History ({{ count(store.mapVersions().length, 'version') }})</summary>
            <ol class="versions" aria-label="Map history">
              @for (version of store.mapVersions(); track version.version) {
                <li>
                  <strong>Version {{ version.version }}</strong> · {{ when(version.changedAt) }} ·
                  {{ changes(version.changes) }} · {{ version.milestones.length }} milestones
                </li>
              }
            </ol>
          </details>
        }
      } @else {
        <p class="hint">
          @if (canEdit()) {
            Start your map: where you are, where you want to be, and three to five milestones to get there.
          } @else {
            The mentee has not started their map yet.
          }
        </p>
      }
    </section>
  `,
  styleUrl: './mentorships.css',
})
export class MapComponent {
  protected readonly store = inject(MatchStore);
  protected readonly stageWords = MAP_STAGE_WORDS;
  protected readonly editing = signal(false);
  protected readonly day = dayLabel;
  protected readonly count = counted;
  protected readonly when = instantLabel;
  protected readonly flagText = flagLabel;
  protected readonly causeText = causeLabel;
  protected readonly helperText = helperLabel;
  /** The buddy's name; one who left the organization is no longer named. */
  protected readonly buddy = computed(() => {
    const map = this.store.map();
    if (!map?.buddyUserId) return null;
    return map.people.find((p) => p.userId === map.buddyUserId)?.displayName ?? 'a former member';
  });
  protected readonly changes = (changes: { kind: string }[]) =>
    [...new Set(changes.map((change) => CHANGE[change.kind] ?? change.kind))].join(', ');

  /** The map is the mentee's: only they edit it, while the match runs. */
  protected readonly canEdit = computed(() => this.store.side() === 'mentee' && this.store.running());
  protected readonly mapFlags = computed(() => (this.store.map()?.flags ?? []).filter((f) => !f.milestoneId));
  protected readonly flagsOf = (milestone: MilestoneView): MapFlagView[] =>
    (this.store.map()?.flags ?? []).filter((f) => f.milestoneId === milestone.id);
  protected readonly missedTwice = (milestone: MilestoneView) =>
    this.flagsOf(milestone).filter((f) => f.flag === 'milestone_missed_twice');

  protected saved(map: MapView): void {
    this.store.map.set(map);
    this.store.reloadMap();
    this.editing.set(false);
  }
}
