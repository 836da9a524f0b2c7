import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

/**
 * Names of server settings in a sentence: "<code>A</code> is", "<code>A</code> and <code>B</code> are"
 * (the verb only with `verb`). Keeps every "set X on the server" notice worded alike.
 */
@Component({
  selector: 'cv-setting-names',
  template: `@for (part of parts(); track part.name) {<code>{{ part.name }}</code>{{ part.then }}}{{ verbText() }}`,
  styles: ':host { display: inline; }',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SettingNames {
  readonly names = input.required<readonly string[]>();
  /** Adds " is" / " are" after the names. */
  readonly verb = input(false);
  protected readonly parts = computed(() => {
    const names = this.names();
    return names.map((name, index) => ({ name, then: index === names.length - 1 ? '' : index === names.length - 2 ? ' and ' : ', ' }));
  });
  protected readonly verbText = computed(() => (!this.verb() ? '' : this.names().length > 1 ? ' are' : ' is'));
}
