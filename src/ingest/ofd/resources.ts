import { child, listItems, type XmlElement } from './xml.js';

/** What the text needs of a font: its name (weight words in it mark bold text) and its Bold flag. */
export interface FontFace {
  name: string;
  bold: boolean;
}

/**
 * The resources a page can refer to by ID (GB/T 33190 7.9): fonts, and composite graphic units,
 * whose content is drawn wherever a CompositeObject names them.
 */
export interface Resources {
  fonts: ReadonlyMap<string, FontFace>;
  units: ReadonlyMap<string, XmlElement>;
}

export const NO_RESOURCES: Resources = { fonts: new Map(), units: new Map() };

function fontFace(font: XmlElement): FontFace {
  return {
    name: font.attributes.get('FontName') ?? font.attributes.get('FamilyName') ?? '',
    bold: font.attributes.get('Bold') === 'true',
  };
}

/** The resources of `base` with those declared in the given resource parts (`Res` roots) added. */
export function withResources(base: Resources, parts: readonly XmlElement[]): Resources {
  const fonts = new Map(base.fonts);
  const units = new Map(base.units);
  for (const part of parts) {
    for (const font of listItems(part, 'Fonts', 'Font')) {
      const id = font.attributes.get('ID');
      if (id !== undefined) fonts.set(id, fontFace(font));
    }
    for (const unit of listItems(part, 'CompositeGraphicUnits', 'CompositeGraphicUnit')) {
      const id = unit.attributes.get('ID');
      const content = child(unit, 'Content');
      if (id !== undefined && content !== undefined) units.set(id, content);
    }
  }
  return { fonts, units };
}
