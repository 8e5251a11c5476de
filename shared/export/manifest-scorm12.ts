import { fileList, manifestIdentifier, manifestVersion, xml, type ManifestInput } from './manifest-parts'

/** The schema files a SCORM 1.2 package carries at its root, as named by the manifest's schemaLocation. */
export const SCORM12_SCHEMA_FILES = ['imscp_rootv1p1p2.xsd', 'adlcp_rootv1p2.xsd', 'ims_xml.xsd'] as const

/**
 * imsmanifest.xml for SCORM 1.2: one organization whose single, non-launchable root item wraps the SCO
 * (Moodle builds its navigation from that), `adlcp:scormtype` in 1.2's lower-case spelling. The publish number
 * is the manifest's `version` only: 1.2's metadata accepts other elements only with their schema imported
 * (processContents="strict"), and a package carrying the IMS metadata schemas for one number is not worth it.
 */
export const scorm12Manifest = (m: ManifestInput): string => {
  const id = manifestIdentifier(m.courseId)
  const title = xml(m.title)
  const mastery =
    m.passingScore === null ? '' : `\n        <adlcp:masteryscore>${m.passingScore}</adlcp:masteryscore>`
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${id}" version="${manifestVersion(m.publishNumber)}"
    xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
    xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="${id}-org">
    <organization identifier="${id}-org">
      <title>${title}</title>
      <item identifier="${id}-course">
        <title>${title}</title>
        <item identifier="${id}-sco" identifierref="${id}-res">
          <title>${title}</title>${mastery}
        </item>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="${id}-res" type="webcontent" adlcp:scormtype="sco" href="${xml(m.launch)}">
${fileList(m.files, '      ')}
    </resource>
  </resources>
</manifest>
`
}
