// expect: Sy>>=ntaxError: Unexpected strict modereserv1
'use strict';
let = 1;
