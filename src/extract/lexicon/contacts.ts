/** Words that introduce a telephone number given for contact. */
export const PHONE_CONTEXT = /(?:联系)?电\s*话|手\s*机|座\s*机|传\s*真|联系方式|联系人|咨询|tel|Tel|TEL|phone|Phone/;

/** Headings under which every number is a contact number (七、联系人及联系方式). */
export const CONTACT_HEADING = /联系(?:人|方式|电话)/;

/** What follows a number that is a quantity, not a telephone number. */
export const QUANTITY_AFTER = /^\s*(?:元|万|亿|千|百|人|个|家|次|%|％|年|月|日|号|件|份|吨|米|平方|户|台|项|公里|所|名|余|多|辆|套|册|张|条|期|天|小时|分钟|秒|kg|KG|千克|亩|公顷|座|处)/;
