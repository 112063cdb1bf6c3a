/** ODbL attribution carried by every open-data export that contains region data. */
export const ODBL_ATTRIBUTION =
  'Kode dan nama wilayah: idn-area-data 3.1.2 (Open Database License, ODbL v1.0), mengikuti kode wilayah Kemendagri.';
