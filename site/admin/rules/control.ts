// Every Decap widget is wrapped in a control that validates itself with the content rules: on save, Decap asks
// each control to validate (ControlPane → ObjectControl/ListControl → each child), and this one reports the
// rules' issues found at its own path in the entry, or below it where no control of its own shows them (a
// field the item's type lacks). Decap then marks the parents red through `parentIds`, refuses the save, and
// the first faulty field is opened and focused.
//
// A nested control learns its path from Decap's `parentIds` (the ids of the controls above it, plus the key of
// the list item it sits in) and from ListControl's item keys: internals of decap-cms-core 3.19 and
// decap-cms-widget-list 3.6, kept honest by tests/browser/admin-rules.test.ts.
import { Component, createElement, createRef, type ComponentClass } from "react";
import type { Path, RuleIssue } from "../../_lib/content/rules/index.ts";
import { draftIssues, learnExists, messageAt, modelOf, type ImmutableMap } from "./draft.ts";

/** What Decap's Widget passes to every control (the part used here). */
interface ControlProps {
  forID: string;
  field: ImmutableMap & { has(key: string): boolean };
  value: unknown;
  parentIds?: (string | undefined)[];
  collection: ImmutableMap;
  getEntry(): ImmutableMap;
  onValidateObject(forID: string, errors: unknown[]): void;
  loadEntry(collection: string, slug: string): Promise<unknown>;
  /** Set on the fields of a Markdown editor component (an image inserted in a body), which are not entry fields. */
  isEditorComponent?: boolean;
}

/** The stock control's instance: validate/focus on containers, item keys on lists. */
interface StockInstance {
  validate?(): void;
  focus?(path: string): void;
  state?: { keys?: string[] };
}

const rendered = new Map<string, RuledControl>();

class RuledControl extends Component<ControlProps> {
  readonly stock = createRef<Component & StockInstance>();

  get name(): string {
    return String(this.props.field.get("name"));
  }

  /** The field's path in the entry's data, or undefined outside an entry form (e.g. a Markdown editor component). */
  path(): Path | undefined {
    if (this.props.isEditorComponent) return undefined;
    const path: Path = [];
    let list: RuledControl | undefined;
    let inItem = false;
    for (const id of this.props.parentIds ?? []) {
      if (id === undefined) continue;
      const parent = rendered.get(id);
      if (parent) {
        path.push(parent.name);
        list = parent;
        inItem = false;
        continue;
      }
      const index = list?.stock.current?.state?.keys?.indexOf(id) ?? -1;
      if (index < 0) return undefined;
      path.push(index);
      inItem = true;
    }
    // An item of a plain list (one `field`) is the item itself; an item of a list of objects holds named fields.
    if (!(inItem && list?.props.field.has("field"))) path.push(this.name);
    return path;
  }

  override componentDidMount(): void {
    rendered.set(this.props.forID, this);
  }

  override componentWillUnmount(): void {
    if (rendered.get(this.props.forID) === this) rendered.delete(this.props.forID);
  }

  validate = (): void => {
    // A container first validates its children; its own size check is replaced by the rules' verdict below.
    this.stock.current?.validate?.();
    const collection = modelOf(this.props.collection.get("name"));
    const path = this.path();
    const issues = collection && path ? claimed(this, path, draftIssues(collection, this.props.getEntry())) : [];
    this.props.onValidateObject(
      this.props.forID,
      issues.map((issue) => ({ type: "CUSTOM", parentIds: this.props.parentIds, message: messageAt(collection!, issue, path!) })),
    );
    if (issues.length > 0) revealLater(this);
  };

  focus(path = ""): void {
    if (path && this.stock.current?.focus) return this.stock.current.focus(path);
    const focusable = "input, textarea, select, button, [contenteditable=true], [tabindex]";
    const element = document.getElementById(this.props.forID);
    // EditorControl's box: the label bar first, then the widget (an image or map widget has no input of its own).
    const box = document.querySelector(`label[for="${CSS.escape(this.props.forID)}"]`)?.parentElement?.parentElement;
    const target = element?.matches(focusable)
      ? element
      : (element?.querySelector<HTMLElement>(focusable) ?? box?.querySelector<HTMLElement>(`:scope > :not(:first-child) :is(${focusable})`));
    target?.focus();
    (target ?? element)?.scrollIntoView({ block: "center" });
  }

  override render() {
    const { Stock, container } = this.constructor as typeof RuledControl & { Stock: ComponentClass; container: boolean };
    // A list or object holding a plain value (a hand-edited file) would crash Decap's control: the rules say why.
    const { value } = this.props;
    if (container && value != null && typeof (value as { toJS?: unknown }).toJS !== "function") {
      return createElement("div", { id: this.props.forID, tabIndex: -1 });
    }
    return createElement(Stock, { ...this.props, ref: this.stock });
  }
}

function startsWith(path: Path, prefix: Path): boolean {
  return prefix.length <= path.length && prefix.every((segment, i) => path[i] === segment);
}

/** The issues this control shows: under its path, and not under a deeper control's. */
function claimed(control: RuledControl, path: Path, issues: RuleIssue[]): RuleIssue[] {
  const deeper = [...rendered.values()]
    .filter((other) => other !== control)
    .map((other) => other.path())
    .filter((other): other is Path => other !== undefined && other.length > path.length && startsWith(other, path));
  return issues.filter((issue) => startsWith(issue.path, path) && !deeper.some((other) => startsWith(issue.path, other)));
}

let faulty: RuledControl[] | undefined;

/** After Decap's validation pass, opens the first faulty field (in page order) and focuses it. */
function revealLater(control: RuledControl): void {
  if (faulty) return void faulty.push(control);
  faulty = [control];
  setTimeout(() => {
    const label = (c: RuledControl) => document.querySelector(`label[for="${CSS.escape(c.props.forID)}"]`);
    const [first] = (faulty ?? []).sort((a, b) => {
      const [x, y] = [label(a), label(b)];
      return x && y && x.compareDocumentPosition(y) & Node.DOCUMENT_POSITION_PRECEDING ? 1 : -1;
    });
    faulty = undefined;
    const path = first?.path();
    if (!first || !path) return;
    // The top control opens the collapsed items down to the field (ListControl.focus), then the field takes focus.
    const topId = first.props.parentIds?.find((id) => id !== undefined);
    const top = topId === undefined ? first : rendered.get(topId);
    if (path.length > 1) top?.focus(path.slice(1).join("."));
    setTimeout(() => first.focus(), 50);
  }, 0);
}

/** A relation field also learns whether the entry it names exists, for the rule on links (relation_missing). */
class RuledRelation extends RuledControl {
  private checked: unknown;

  private learn(): void {
    const { value, field } = this.props;
    if (typeof value !== "string" || value === this.checked) return;
    this.checked = value;
    const target = String(field.get("collection"));
    this.props.loadEntry(target, value).then(
      // The local backend answers a missing file with an empty entry rather than an error.
      (entry) => learnExists(target, value, Object.keys((entry as { data?: object } | undefined)?.data ?? {}).length > 0),
      () => learnExists(target, value, false),
    );
  }

  override componentDidMount(): void {
    super.componentDidMount();
    this.learn();
  }

  override componentDidUpdate(): void {
    this.learn();
  }
}

/**
 * Wraps a stock Decap control; keeps the stock's own shouldComponentUpdate, which Decap's Widget consults.
 * `container`: the widget holds a list or an object; `relation`: it names another entry.
 */
export function ruledControl(Stock: ComponentClass, kind: { container?: boolean; relation?: boolean } = {}): ComponentClass {
  const Base = kind.relation ? RuledRelation : RuledControl;
  class Ruled extends Base {
    static Stock = Stock;
    static container = Boolean(kind.container);
  }
  const stockUpdate = Stock.prototype.shouldComponentUpdate as ((next: unknown) => boolean) | undefined;
  if (stockUpdate) {
    Object.defineProperty(Ruled.prototype, "shouldComponentUpdate", {
      value(this: RuledControl, next: unknown) {
        const stock = this.stock.current;
        return stock ? stockUpdate.call(stock, next) : true;
      },
    });
  }
  return Ruled as unknown as ComponentClass;
}
