import { fileList, manifestIdentifier, manifestVersion, xml, type ManifestInput } from './manifest-parts'

/** The schema files a SCORM 2004 4th Edition package carries at its root: those named and those they include. */
export const SCORM2004_SCHEMA_FILES = [
  'imscp_v1p1.xsd',
  'adlcp_v1p3.xsd',
  'imsss_v1p0.xsd',
  'imsss_v1p0auxresource.xsd',
  'imsss_v1p0control.xsd',
  'imsss_v1p0delivery.xsd',
  'imsss_v1p0limit.xsd',
  'imsss_v1p0objective.xsd',
  'imsss_v1p0random.xsd',
  'imsss_v1p0rollup.xsd',
  'imsss_v1p0seqrule.xsd',
  'imsss_v1p0util.xsd',
  'xml.xsd',
] as const

/** 80 → "0.8": the passing score as the scaled measure 2004 sequencing compares cmi.score.scaled with. */
const scaled = (percent: number): string => String(Math.round(percent * 100) / 10000)

const sequencing = (passingScore: number | null): string =>
  passingScore === null
    ? ''
    : `
          <imsss:sequencing>
            <imsss:objectives>
              <imsss:primaryObjective objectiveID="passing-score" satisfiedByMeasure="true">
                <imsss:minNormalizedMeasure>${scaled(passingScore)}</imsss:minNormalizedMeasure>
              </imsss:primaryObjective>
            </imsss:objectives>
          </imsss:sequencing>`

/**
 * Flow lets the LMS start the learner in the one SCO itself; without it (the default is flow="false") some LMSs
 * open the package on an empty page and wait for a click in their tree.
 */
const flow = (indent: string): string =>
  `\n${indent}<imsss:sequencing>\n${indent}  <imsss:controlMode choice="true" flow="true"/>\n${indent}</imsss:sequencing>`

/**
 * The publish number as IEEE LOM's lifeCycle version, which 2004's metadata may carry inline (its extension point is
 * processContents="lax"); nothing when the exporter knows no number.
 */
const lomVersion = (publishNumber: number | null): string =>
  publishNumber === null
    ? ''
    : `
    <lom xmlns="http://ltsc.ieee.org/xsd/LOM">
      <lifeCycle>
        <version>
          <string language="en">${publishNumber}</string>
        </version>
      </lifeCycle>
    </lom>`

/**
 * imsmanifest.xml for SCORM 2004 4th Edition: the same shape as 1.2, `adlcp:scormType` in 2004's spelling,
 * and the passing score as the primary objective's minimum normalized measure.
 */
export const scorm2004Manifest = (m: ManifestInput): string => {
  const id = manifestIdentifier(m.courseId)
  const title = xml(m.title)
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${id}" version="${manifestVersion(m.publishNumber)}"
    xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
    xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
    xmlns:imsss="http://www.imsglobal.org/xsd/imsss"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>2004 4th Edition</schemaversion>${lomVersion(m.publishNumber)}
  </metadata>
  <organizations default="${id}-org">
    <organization identifier="${id}-org">
      <title>${title}</title>
      <item identifier="${id}-course">
        <title>${title}</title>
        <item identifier="${id}-sco" identifierref="${id}-res">
          <title>${title}</title>${sequencing(m.passingScore)}
        </item>${flow('        ')}
      </item>${flow('      ')}
    </organization>
  </organizations>
  <resources>
    <resource identifier="${id}-res" type="webcontent" adlcp:scormType="sco" href="${xml(m.launch)}">
${fileList(m.files, '      ')}
    </resource>
  </resources>
</manifest>
`
}
